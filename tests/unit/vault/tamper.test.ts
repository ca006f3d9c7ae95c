import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isLatchkeyError, type LatchkeyError } from '../../../src/shared/errors';
import {
  countingKdf,
  InMemoryKeychainForTests,
  sampleAccounts,
  tempDir,
  weakService,
} from './helpers';

// Any single changed byte anywhere in vault.json must be noticed with a specific error, must
// leave the file exactly as it is (bytes and mtime), and a good generation must be restorable.
// The keychain is the in-memory stand-in: this is about the file, not the keychain.

const PW = 'correct horse battery';
const SPECIFIC = new Set([
  'vault.corrupt',
  'vault.tampered',
  'vault.unknown-version',
  'vault.keychain-mismatch',
]);

let dir: string;
let cleanup: () => void;
let keychain: InMemoryKeychainForTests;
let good: Buffer;
const OLD_MTIME = new Date('2020-01-02T03:04:05Z');

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  keychain = new InMemoryKeychainForTests();
  const vault = weakService(dir, { keychain });
  await vault.create({ keychain: true, password: PW });
  await vault.update(() => sampleAccounts(3));
  await vault.updateSettings({ autoLockMinutes: 15 });
  await vault.lock();
  good = readFileSync(join(dir, 'vault.json'));
});
afterAll(() => cleanup());

/** Byte offsets of every region: outer keys, each header field, both slots, nonce, ciphertext, tag. */
function positions(bytes: Buffer): Map<string, number[]> {
  const text = bytes.toString('latin1');
  const regions = new Map<string, number[]>();
  const spanOf = (label: string, needle: string, from = 0) => {
    const start = text.indexOf(needle, from);
    expect(start, label).toBeGreaterThanOrEqual(0);
    const span = [start, start + Math.floor(needle.length / 2), start + needle.length - 1];
    regions.set(label, [...new Set(span)]);
    return start;
  };
  spanOf('outer format key', '"format":"latchkey-vault"');
  spanOf('outer version', '"version":1,"header"');
  const headerAt = spanOf('header format', '\\"format\\":\\"latchkey-vault\\"');
  spanOf('header version', '\\"version\\":1', headerAt);
  const id = /\\"vaultId\\":\\"([0-9a-f]{32})\\"/.exec(text)!;
  spanOf('vault id', id[0]);
  for (const type of ['keychain', 'password']) {
    const slotAt = text.indexOf(`\\"type\\":\\"${type}\\"`);
    spanOf(`${type} slot type`, `\\"type\\":\\"${type}\\"`);
    const end = text.indexOf('}', slotAt);
    const slot = text.slice(slotAt, end);
    for (const field of slot.matchAll(/\\"(\w+)\\":(\\"[^\\]*\\"|\d+)/g)) {
      spanOf(`${type} slot ${field[1]}`, field[0], slotAt);
    }
  }
  spanOf('payload nonce', /"nonce":"[^"]+","ciphertext"/.exec(text)![0]);
  const ct = /"ciphertext":"([^"]+)"/.exec(text)!;
  const ctStart = text.indexOf(ct[1]!);
  const ctLength = ct[1]!.length;
  regions.set(
    'ciphertext',
    Array.from({ length: 12 }, (_, i) => ctStart + Math.floor((i * (ctLength - 24)) / 11)),
  );
  regions.set('auth tag (last base64 chars)', [
    ctStart + ctLength - 22,
    ctStart + ctLength - 3,
    ctStart + ctLength - 1,
  ]);
  regions.set('closing brace and newline', [bytes.length - 2, bytes.length - 1]);
  regions.set('first byte', [0]);
  // Plus evenly spread positions over the whole file, whatever region they fall in.
  regions.set(
    'spread',
    Array.from({ length: 40 }, (_, i) => Math.floor(((i + 0.5) * bytes.length) / 40)),
  );
  return regions;
}

async function openWithKeychain(): Promise<LatchkeyError> {
  const vault = weakService(dir, { keychain });
  const error = await vault.unlockWithKeychain().then(
    () => null,
    (e: unknown) => e,
  );
  if (!isLatchkeyError(error)) throw new Error(`expected a LatchkeyError, got ${String(error)}`);
  return error;
}

describe('single-byte damage', () => {
  test('every region: specific error, file untouched, newest good generation restorable', async () => {
    const regions = positions(good);
    const masks = [0x01, 0xff];
    const seenCodes = new Map<string, Set<string>>();
    let flips = 0;
    for (const [region, offsets] of regions) {
      for (const offset of offsets) {
        for (const mask of masks) {
          const damaged = Buffer.from(good);
          damaged[offset]! ^= mask;
          writeFileSync(join(dir, 'vault.json'), damaged);
          utimesSync(join(dir, 'vault.json'), OLD_MTIME, OLD_MTIME);
          flips++;

          let error = await openWithKeychain();
          const label = `${region} @${offset} ^${mask.toString(16)}`;
          expect(SPECIFIC.has(error.code), `${label}: ${error.code}`).toBe(true);
          seenCodes.set(region, (seenCodes.get(region) ?? new Set()).add(error.code));
          if (error.code === 'vault.keychain-mismatch') {
            // The keychain slot itself was hit; the password still opens the slot, and the
            // payload then fails because the header it is bound to changed.
            const vault = weakService(dir, { keychain });
            error = (await vault.unlockWithPassword(PW).catch((e: unknown) => e)) as LatchkeyError;
            expect(['vault.tampered', 'vault.corrupt'], label).toContain(error.code);
          }
          const file = join(dir, 'vault.json');
          expect(readFileSync(file).equals(damaged), `${label}: bytes changed`).toBe(true);
          expect(statSync(file).mtime.getTime(), `${label}: mtime changed`).toBe(
            OLD_MTIME.getTime(),
          );

          if (error.code === 'vault.unknown-version') continue; // a newer app's file: not offered
          const restorable = error.details?.restorableGeneration;
          expect(typeof restorable, `${label}: no generation offered`).toBe('string');
          // Restore through the instance that proved the credential.
          const vault = weakService(dir, { keychain });
          await vault
            .unlockWithKeychain()
            .catch(() => vault.unlockWithPassword(PW))
            .catch(() => undefined);
          await vault.restoreGeneration(restorable as string);
          await vault.unlockWithKeychain();
          expect(vault.accounts().map((a) => a.id)).toEqual(sampleAccounts(3).map((a) => a.id));
          expect(vault.settings().autoLockMinutes).toBe(15);
          await vault.lock();
          expect(readFileSync(file).equals(good)).toBe(true);
        }
      }
    }
    expect(flips).toBeGreaterThan(200);
    // The damaged files were kept aside, never overwritten.
    const kept = readdirSync(dir).filter((n) => n.startsWith('vault.json.damaged-'));
    expect(kept.length).toBeGreaterThan(100);
    expect(seenCodes.get('outer version')).toContain('vault.unknown-version');
    expect(seenCodes.get('ciphertext')).toContain('vault.tampered');
    expect(seenCodes.get('password slot salt')).toContain('vault.tampered');
    // Flips inside base64 may or may not leave valid base64 (that depends on the random key), so
    // the keychain-slot case is pinned below with a substitution that stays valid.
  });

  test('a wrapped keychain key changed into other valid base64 reads as a keychain mismatch', async () => {
    const text = good.toString('latin1');
    const slotAt = text.indexOf('\\"type\\":\\"keychain\\"');
    const field = '\\"wrapped\\":\\"';
    const at = text.indexOf(field, slotAt) + field.length + 5;
    expect(slotAt).toBeGreaterThan(0);
    const damaged = Buffer.from(good);
    damaged[at] = damaged[at] === 0x41 ? 0x42 : 0x41; // 'A' <-> 'B': still base64, other bits
    writeFileSync(join(dir, 'vault.json'), damaged);
    const error = await openWithKeychain();
    expect(error.code).toBe('vault.keychain-mismatch');
    expect(readFileSync(join(dir, 'vault.json')).equals(damaged)).toBe(true);
    writeFileSync(join(dir, 'vault.json'), good);
  });

  test('restoring needs proof: a locked service cannot restore a generation it was not offered', async () => {
    writeFileSync(join(dir, 'vault.json'), good);
    const vault = weakService(dir, { keychain });
    const [newest] = await vault.listGenerations();
    await expect(vault.restoreGeneration(newest!.id)).rejects.toMatchObject({
      code: 'vault.locked',
    });
    await expect(vault.restoreGeneration('00000000-0')).rejects.toMatchObject({
      code: 'vault.generation-not-found',
    });
    await expect(vault.restoreGeneration('../vault')).rejects.toMatchObject({
      code: 'vault.generation-not-found',
    });
  });

  test('a hostile scrypt cost (N = 2^30) is refused before any KDF runs', async () => {
    const hostile = good.toString('utf8').replace('\\"N\\":64', `\\"N\\":${2 ** 30}`);
    writeFileSync(join(dir, 'vault.json'), hostile);
    const kdf = countingKdf();
    const vault = weakService(dir, { keychain: null, kdf });
    await expect(vault.unlockWithPassword(PW)).rejects.toMatchObject({ code: 'vault.corrupt' });
    expect(kdf.calls).toBeLessThanOrEqual(1); // only the good generation's slot, at N = 64
    expect(readFileSync(join(dir, 'vault.json'), 'utf8')).toBe(hostile);
    writeFileSync(join(dir, 'vault.json'), good);
  });

  test('a weak scrypt cost is refused by production settings', async () => {
    const vault = new (await import('../../../src/node/services/vault/vault-service')).VaultService(
      {
        dir,
        keychain: null,
      },
    );
    expect(await vault.status()).toMatchObject({
      state: 'locked',
      damaged: { code: 'vault.corrupt' },
    });
  });
});
