import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { encodeBase32 } from '../../../src/core/common/encoding/base32';
import { InMemoryKeychainForTests, sampleAccounts, tempDir, weakService } from './helpers';

// No secret may be readable in anything we write: vault.json, every generation, the damaged
// copies, the lockout file, or what goes to the keychain (the stand-in records it verbatim;
// the real keychain's entry is checked in keychain.test.ts).

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function allFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(join(root, e.name)) : [join(root, e.name)],
  );
}

test('secrets appear nowhere in the clear: base32, raw bytes, hex, base64', async () => {
  const keychain = new InMemoryKeychainForTests();
  const vault = weakService(dir, { keychain });
  const password = 'a very memorable passphrase';
  await vault.create({ keychain: true, password });
  const accounts = sampleAccounts(25, 7);
  await vault.update(() => accounts);
  await vault.update((a) => a.slice(0, 20));
  await vault.lock();
  await expect(vault.unlockWithPassword('wrong password')).rejects.toMatchObject({
    code: 'vault.wrong-password',
  });

  const needles: Buffer[] = [
    Buffer.from(password),
    Buffer.from(Buffer.from(password).toString('hex')),
  ];
  for (const a of accounts) {
    const raw = Buffer.from(a.secret);
    needles.push(
      raw,
      Buffer.from(encodeBase32(a.secret)),
      Buffer.from(encodeBase32(a.secret).toLowerCase()),
      Buffer.from(raw.toString('hex')),
      Buffer.from(raw.toString('hex').toUpperCase()),
      Buffer.from(raw.toString('base64').slice(0, 24)),
    );
  }
  const files = allFiles(dir);
  expect(files.some((f) => f.includes('generations'))).toBe(true);
  expect(files.some((f) => f.endsWith('lockout.json'))).toBe(true);
  const blobs = [
    ...files.map((f) => readFileSync(f)),
    ...[...keychain.entries.values()].map((v) => Buffer.from(v)),
  ];
  for (const blob of blobs) {
    for (const needle of needles) expect(blob.includes(needle)).toBe(false);
  }
  // The account names are inside the ciphertext too.
  for (const blob of blobs) expect(blob.includes(Buffer.from('user3@example.com'))).toBe(false);
  // Sanity check of the search itself: the plaintext form is found where it exists.
  const plain = Buffer.from(JSON.stringify({ secret: encodeBase32(accounts[0]!.secret) }));
  expect(plain.includes(Buffer.from(encodeBase32(accounts[0]!.secret)))).toBe(true);
});
