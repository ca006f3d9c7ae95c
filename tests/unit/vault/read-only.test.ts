import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openVaultReadOnly } from '../../../src/node/services/vault/read-only';
import {
  countingKdf,
  InMemoryKeychainForTests,
  sampleAccounts,
  tempDir,
  weakService,
} from './helpers';

// The command line's opener: never writes the vault or its generations (safe while the app
// runs), honours the wrong-password lockout shared with the app.

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const PW = 'correct horse battery';

function snapshot(): Map<string, string> {
  const files = [
    'vault.json',
    ...readdirSync(join(dir, 'generations')).map((g) => join('generations', g)),
  ];
  return new Map(
    files.map((f) => [
      f,
      `${readFileSync(join(dir, f)).toString('hex')}@${statSync(join(dir, f)).mtimeMs}`,
    ]),
  );
}

test('opens with the password without touching the vault files', async () => {
  const app = weakService(dir);
  await app.create({ keychain: false, password: PW });
  await app.update(() => sampleAccounts(3));
  const before = snapshot();
  const accounts = await openVaultReadOnly(dir, {
    password: PW,
    keychain: null,
    allowWeakKdfForTests: true,
  });
  expect(accounts.map((a) => a.id)).toEqual(sampleAccounts(3).map((a) => a.id));
  expect(snapshot()).toEqual(before);
  // The running app is unaffected and can keep saving.
  await app.update((a) => a.slice(1));
  expect(app.accounts()).toHaveLength(2);
});

test('uses the keychain slot first, falls back to the password when its key is gone', async () => {
  const keychain = new InMemoryKeychainForTests();
  const app = weakService(dir, { keychain });
  await app.create({ keychain: true, password: PW });
  await app.update(() => sampleAccounts(1));
  const kdf = countingKdf();
  const opts = { keychain, allowWeakKdfForTests: true, kdf } as const;
  expect(await openVaultReadOnly(dir, opts)).toHaveLength(1);
  expect(kdf.calls).toBe(0);
  keychain.entries.clear();
  await expect(openVaultReadOnly(dir, opts)).rejects.toMatchObject({
    code: 'vault.keychain-missing',
  });
  expect(await openVaultReadOnly(dir, { ...opts, password: PW })).toHaveLength(1);
  expect(kdf.calls).toBe(1);
});

test('wrong passwords count toward the same lockout as the app; refused without the KDF', async () => {
  const t = { now: Date.UTC(2026, 0, 1) };
  const app = weakService(dir, { now: () => t.now });
  await app.create({ keychain: false, password: PW });
  await app.lock();
  const kdf = countingKdf();
  const opts = { keychain: null, allowWeakKdfForTests: true, kdf, now: () => t.now } as const;
  for (let i = 0; i < 6; i++) {
    await expect(
      openVaultReadOnly(dir, { ...opts, password: 'wrong guess' }),
    ).rejects.toMatchObject({
      code: 'vault.wrong-password',
    });
  }
  await expect(openVaultReadOnly(dir, { ...opts, password: PW })).rejects.toMatchObject({
    code: 'vault.locked-out',
  });
  expect(kdf.calls).toBe(6);
  // The app sees the same wait, doubled by the refused (and counted) guess.
  expect((await app.status()).lockout).toEqual({ until: t.now + 60_000 });
});
