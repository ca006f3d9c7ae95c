import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { VaultService } from '../../../src/node/services/vault/vault-service';
import { countingKdf, sampleAccounts, tempDir } from './helpers';
import { masterKeyFromPassword, openPayload, readRawVault } from './independent-reader';

// Issue 10, finding 8: new password slots use scrypt N = 2^17 (OWASP's minimum for scrypt with
// r = 8, p = 1: https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html);
// slots written at 2^15 by earlier versions still open and are re-made at 2^17 on the next
// successful password unlock. Real scrypt, production settings (no weak-KDF switch).

const PW = 'correct horse battery';
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const passwordSlot = () =>
  readRawVault(readFileSync(join(dir, 'vault.json')))!.header.slots.find(
    (s) => s.type === 'password',
  )!;

test('a new vault’s password slot costs N = 2^17, r = 8, p = 1', async () => {
  const vault = new VaultService({ dir, keychain: null });
  await vault.create({ keychain: false, password: PW });
  expect(passwordSlot()).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
}, 20_000);

test('a 2^15 slot (as earlier versions wrote) opens, and is re-made at 2^17 on unlock', async () => {
  const earlier = new VaultService({ dir, keychain: null, scryptLogN: 15 });
  await earlier.create({ keychain: false, password: PW });
  await earlier.update(() => sampleAccounts(3));
  await earlier.lock();
  expect(passwordSlot().N).toBe(2 ** 15);
  const keyBefore = masterKeyFromPassword(readRawVault(readFileSync(join(dir, 'vault.json')))!, PW);

  const kdf = countingKdf();
  const today = new VaultService({ dir, keychain: null, kdf });
  await today.unlockWithPassword(PW);
  expect(today.accounts()).toHaveLength(3);
  expect(kdf.calls).toBe(2); // the unlock at 2^15, then the new slot at 2^17
  const file = readRawVault(readFileSync(join(dir, 'vault.json')))!;
  expect(passwordSlot().N).toBe(2 ** 17);
  // Same password, same master key: an upgrade, not a rotation.
  const keyAfter = masterKeyFromPassword(file, PW)!;
  expect(keyAfter.equals(keyBefore!)).toBe(true);
  expect(openPayload(file, keyAfter)?.accounts).toHaveLength(3);

  // Next time nothing is re-made.
  await today.lock();
  kdf.calls = 0;
  await today.unlockWithPassword(PW);
  expect(kdf.calls).toBe(1);
}, 30_000);
