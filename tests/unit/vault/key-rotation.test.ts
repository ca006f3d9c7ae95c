import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  masterKeyFromKeychainKey,
  masterKeyFromPassword,
  openPayload,
  readRawVault,
  type RawVault,
} from './independent-reader';
import { InMemoryKeychainForTests, sampleAccounts, tempDir, weakService } from './helpers';

// Issue 10, finding 2: changing the password kept the master key, so the old password plus any
// of the 10 generation files unwrapped the key that decrypts the CURRENT vault.json. Now every
// change that replaces or removes a credential draws a new master key and re-seals the
// generations. Checked with a reader written from docs/vault-format.md alone (node:crypto),
// over every file left in the data folder.

const OLD = 'correct horse battery';
const NEW = 'a brand new passphrase';
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Every file under the data folder, generations and kept copies included. */
function allFiles(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

function vaultFiles(): { path: string; vault: RawVault }[] {
  return allFiles(dir).flatMap((path) => {
    const vault = readRawVault(readFileSync(path));
    return vault ? [{ path, vault }] : [];
  });
}

const current = () => readRawVault(readFileSync(join(dir, 'vault.json')))!;

/** Several saves, so there are generations holding the credentials of the time. */
async function vaultWithHistory(keychain: InMemoryKeychainForTests | null, password = true) {
  const vault = weakService(dir, { keychain });
  await vault.create({ keychain: keychain !== null, ...(password && { password: OLD }) });
  for (let n = 1; n <= 4; n++) await vault.update(() => sampleAccounts(n));
  return vault;
}

describe('a replaced or removed credential opens nothing current', () => {
  test('after a password change no file yields a key that opens vault.json with the old password', async () => {
    const vault = await vaultWithHistory(null);
    // The reader works: before the change the old password opens vault.json.
    expect(openPayload(current(), masterKeyFromPassword(current(), OLD)!)).not.toBeNull();
    const before = vaultFiles().length;

    await vault.setPassword(NEW, { currentPassword: OLD });
    await vault.update(() => sampleAccounts(5)); // an account added after the change

    const files = vaultFiles();
    expect(files.length).toBeGreaterThanOrEqual(before); // generations kept, re-sealed
    for (const { path, vault: file } of files) {
      const key = masterKeyFromPassword(file, OLD);
      expect(key, `${path} still opens with the old password`).toBeNull();
    }
    // The new password opens the current file (with the account added afterwards) and every
    // generation, whose older content survived the re-seal.
    const now = openPayload(current(), masterKeyFromPassword(current(), NEW)!);
    expect(now?.accounts).toHaveLength(5);
    const counts = files
      .filter(({ path }) => path.includes('generations'))
      .map(({ vault: g }) => openPayload(g, masterKeyFromPassword(g, NEW)!)?.accounts.length);
    expect(counts).toEqual(expect.arrayContaining([0, 1, 2, 3, 4, 5]));
  });

  test('removing the password: the old password opens no file at all', async () => {
    const keychain = new InMemoryKeychainForTests();
    const vault = await vaultWithHistory(keychain);
    await vault.removePassword(OLD);
    for (const { path, vault: file } of vaultFiles()) {
      expect(masterKeyFromPassword(file, OLD), path).toBeNull();
    }
    // Still opens with this device's key.
    await vault.lock();
    await vault.unlockWithKeychain();
    expect(vault.accounts()).toHaveLength(4);
  });

  test('signing out of this device: the old keychain key opens nothing current', async () => {
    const keychain = new InMemoryKeychainForTests();
    const vault = await vaultWithHistory(keychain);
    const copiedKey = Buffer.from([...keychain.entries.values()][0]!, 'base64');
    expect(masterKeyFromKeychainKey(current(), copiedKey)).not.toBeNull();
    await vault.disableKeychain(OLD);
    expect(keychain.entries.size).toBe(0);
    for (const { path, vault: file } of vaultFiles()) {
      const key = masterKeyFromKeychainKey(file, copiedKey);
      expect(key && openPayload(current(), key), path).toBeFalsy();
    }
    await vault.unlockWithPassword(OLD);
    expect(vault.accounts()).toHaveLength(4);
  });

  test('a kept damaged copy of vault.json is not left holding the old password', async () => {
    const vault = await vaultWithHistory(null);
    await vault.lock();
    // Damage vault.json and restore a generation: the damaged file is kept aside.
    const good = readFileSync(join(dir, 'vault.json'));
    const damaged = Buffer.from(good);
    damaged[damaged.length - 10]! ^= 1;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'vault.json'), damaged);
    const error = (await vault.unlockWithPassword(OLD).catch((e: unknown) => e)) as {
      details: { restorableGeneration: string };
    };
    await vault.restoreGeneration(error.details.restorableGeneration);
    expect(readdirSync(dir).some((n) => n.startsWith('vault.json.damaged-'))).toBe(true);
    await vault.unlockWithPassword(OLD);
    await vault.setPassword(NEW, { currentPassword: OLD });
    for (const { path, vault: file } of vaultFiles()) {
      expect(masterKeyFromPassword(file, OLD), path).toBeNull();
    }
  });

  test('adding a way to unlock keeps the key (nothing was replaced)', async () => {
    const keychain = new InMemoryKeychainForTests();
    const vault = await vaultWithHistory(keychain, false);
    const before = current().header.slots.find((s) => s.type === 'keychain')!;
    await vault.setPassword(OLD);
    const copiedKey = Buffer.from([...keychain.entries.values()][0]!, 'base64');
    const fromKeychain = masterKeyFromKeychainKey(current(), copiedKey)!;
    expect(fromKeychain.equals(masterKeyFromPassword(current(), OLD)!)).toBe(true);
    expect(current().header.slots.find((s) => s.type === 'keychain')).toEqual(before);
  });

  test('a rotation a crash interrupted is finished at the next unlock', async () => {
    const vault = await vaultWithHistory(null);
    const stale = readdirSync(join(dir, 'generations')).map((n) =>
      readFileSync(join(dir, 'generations', n)),
    );
    await vault.setPassword(NEW, { currentPassword: OLD });
    await vault.lock();
    // As if the process died after saving vault.json but before re-sealing: old-key copies back.
    const { writeFileSync } = await import('node:fs');
    stale.forEach((bytes, i) =>
      writeFileSync(join(dir, 'generations', `${String(90 + i).padStart(8, '0')}-1.json`), bytes),
    );
    expect(vaultFiles().some(({ vault: f }) => masterKeyFromPassword(f, OLD))).toBe(true);
    await vault.unlockWithPassword(NEW);
    for (const { path, vault: file } of vaultFiles()) {
      expect(masterKeyFromPassword(file, OLD), path).toBeNull();
    }
  });
});
