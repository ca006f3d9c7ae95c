import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { InMemoryKeychainForTests, sampleAccounts, tempDir, weakService } from './helpers';
import type { VaultService } from '../../../src/node/services/vault/vault-service';

// Life-cycle flows a user goes through. The keychain here is the in-memory stand-in: these
// tests are about the vault's model and files; real keychain behaviour is in keychain.test.ts.

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const PW = 'correct horse battery';

async function created(extra: Parameters<typeof weakService>[1] = {}): Promise<VaultService> {
  const vault = weakService(dir, extra);
  await vault.create({ keychain: false, password: PW });
  return vault;
}

describe('create', () => {
  test('a new vault is unlocked, empty, with default settings, and survives a restart', async () => {
    const vault = weakService(dir);
    expect((await vault.status()).state).toBe('absent');
    await vault.create({ keychain: false, password: PW });
    expect(await vault.status()).toMatchObject({
      state: 'unlocked',
      slots: { keychain: false, password: true },
    });
    expect(vault.accounts()).toEqual([]);
    expect(vault.settings()).toEqual({
      autoLockMinutes: 5,
      contentProtection: true,
      lastBackup: null,
      autoBackup: null,
      sortOrder: 'custom',
      density: 'comfortable',
      showNextCode: true,
      groups: [],
    });
    const again = weakService(dir);
    expect((await again.status()).state).toBe('locked');
    await again.unlockWithPassword(PW);
    expect(again.accounts()).toEqual([]);
  });

  test('requires at least one way to unlock and refuses short passwords', async () => {
    const vault = weakService(dir);
    await expect(vault.create({ keychain: false })).rejects.toMatchObject({
      code: 'vault.no-unlock-method',
    });
    await expect(vault.create({ keychain: false, password: 'short' })).rejects.toMatchObject({
      code: 'vault.password-too-short',
    });
    expect(existsSync(join(dir, 'vault.json'))).toBe(false);
  });

  test('never replaces an existing vault', async () => {
    await created();
    const before = readFileSync(join(dir, 'vault.json'));
    await expect(
      weakService(dir).create({ keychain: false, password: 'another password' }),
    ).rejects.toMatchObject({
      code: 'vault.exists',
    });
    expect(readFileSync(join(dir, 'vault.json')).equals(before)).toBe(true);
  });

  test('asking for the keychain without one fails plainly and writes nothing', async () => {
    const vault = weakService(dir, { keychain: null });
    const error = await vault.create({ keychain: true, password: PW }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'vault.keychain-unavailable' });
    expect((error as Error).message).toMatch(/Secret Service \(such as GNOME Keyring or KWallet\)/);
    expect(existsSync(join(dir, 'vault.json'))).toBe(false);
  });

  test('files are private to the user (0600 / 0700)', async () => {
    const vault = await created();
    await vault.lock();
    await expect(vault.unlockWithPassword('wrong password')).rejects.toMatchObject({
      code: 'vault.wrong-password',
    });
    expect(readdirSync(dir).sort()).toEqual(['generations', 'lockout.json', 'vault.json']);
    for (const f of ['vault.json', 'lockout.json']) {
      expect((await import('node:fs')).statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    }
    expect((await import('node:fs')).statSync(join(dir, 'generations')).mode & 0o777).toBe(0o700);
  });
});

describe('lock, unlock, update', () => {
  test('accounts round-trip through lock and unlock; locked calls fail with vault.locked', async () => {
    const vault = await created();
    const accounts = sampleAccounts(5);
    await vault.update(() => accounts);
    await vault.lock();
    expect(() => vault.accounts()).toThrow(expect.objectContaining({ code: 'vault.locked' }));
    await expect(vault.update((a) => a)).rejects.toMatchObject({ code: 'vault.locked' });
    await vault.unlockWithPassword(PW);
    const back = vault.accounts();
    expect(back.map((a) => a.id)).toEqual(accounts.map((a) => a.id));
    expect(back.map((a) => Buffer.from(a.secret).toString('hex'))).toEqual(
      sampleAccounts(5).map((a) => Buffer.from(a.secret).toString('hex')),
    );
  });

  test('lock overwrites the secrets it held with zeros', async () => {
    const vault = await created();
    await vault.update(() => sampleAccounts(2));
    const held = vault.accounts();
    await vault.lock();
    for (const account of held) expect(account.secret.every((b) => b === 0)).toBe(true);
  });

  test('a 5-byte secret (as the parser accepts, with a warning) is saved and read back', async () => {
    const vault = await created();
    const [account] = sampleAccounts(1);
    const secret = new TextEncoder().encode('12345'); // base32 GEZDGNBV, pyotp's test secret
    await vault.update(() => [{ ...account!, secret }]);
    const again = weakService(dir);
    await again.unlockWithPassword(PW);
    expect(again.accounts().map((a) => Buffer.from(a.secret).toString('hex'))).toEqual([
      Buffer.from(secret).toString('hex'),
    ]);
  });

  test('an invalid change is refused and changes nothing, in memory or on disk', async () => {
    const vault = await created();
    await vault.update(() => sampleAccounts(2));
    const before = readFileSync(join(dir, 'vault.json'));
    const dup = sampleAccounts(1);
    await expect(vault.update((a) => [...a, ...dup, ...dup])).rejects.toMatchObject({
      code: 'vault.invalid-data',
    });
    await expect(
      vault.update((a) => [{ ...a[0]!, id: 'huge-secret', secret: new Uint8Array(1000) }]),
    ).rejects.toMatchObject({ code: 'vault.invalid-data' });
    await expect(
      vault.update((a) => [{ ...a[0]!, id: 'empty-secret', secret: new Uint8Array(0) }]),
    ).rejects.toMatchObject({ code: 'vault.invalid-data' });
    expect(vault.accounts()).toHaveLength(2);
    expect(readFileSync(join(dir, 'vault.json')).equals(before)).toBe(true);
  });

  test('a failed save leaves memory as it was', async () => {
    const vault = await created();
    await vault.update(() => sampleAccounts(2));
    // Make the folder unwritable: the temp file cannot be created.
    const { chmodSync } = await import('node:fs');
    chmodSync(dir, 0o500);
    try {
      if (process.getuid?.() === 0) {
        // root ignores permissions; use a file where the generations folder should be instead.
        chmodSync(dir, 0o700);
        const { renameSync, writeFileSync } = await import('node:fs');
        renameSync(join(dir, 'generations'), join(dir, 'generations.moved'));
        writeFileSync(join(dir, 'generations'), 'not a folder');
      }
      await expect(vault.update(() => sampleAccounts(7))).rejects.toMatchObject({
        code: 'vault.write-failed',
      });
      expect(vault.accounts()).toHaveLength(2);
    } finally {
      chmodSync(dir, 0o700);
    }
    const fresh = weakService(dir);
    await fresh.unlockWithPassword(PW);
    expect(fresh.accounts()).toHaveLength(2);
  });

  test('changes issued while a save runs are coalesced into one later save, in order', async () => {
    const vault = await created();
    const genBefore = (await vault.listGenerations()).length;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        vault.update((a) => [...a, ...sampleAccounts(1, 100 + i)]),
      ),
    );
    expect(results).toHaveLength(20);
    expect(vault.accounts().map((a) => a.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `acct-${100 + i}-0`),
    );
    const saves = (await vault.listGenerations()).length - genBefore;
    expect(saves).toBeGreaterThanOrEqual(1);
    expect(saves).toBeLessThanOrEqual(2);
  });

  test('settings: default, update, validation, persistence', async () => {
    const vault = await created();
    await vault.updateSettings({ autoLockMinutes: null });
    await expect(vault.updateSettings({ autoLockMinutes: 0 })).rejects.toMatchObject({
      code: 'vault.settings-invalid',
    });
    await expect(vault.updateSettings({ autoLockMinutes: 1.5 })).rejects.toMatchObject({
      code: 'vault.settings-invalid',
    });
    await vault.lock();
    await vault.unlockWithPassword(PW);
    expect(vault.settings()).toEqual({
      autoLockMinutes: null,
      contentProtection: true,
      lastBackup: null,
      autoBackup: null,
      sortOrder: 'custom',
      density: 'comfortable',
      showNextCode: true,
      groups: [],
    });
  });

  test('only the last 10 generations are kept', async () => {
    const vault = await created();
    for (let i = 0; i < 14; i++) await vault.update((a) => [...a, ...sampleAccounts(1, i)]);
    const gens = await vault.listGenerations();
    expect(gens).toHaveLength(10);
    expect(gens[0]!.id > gens[9]!.id).toBe(true);
    expect(readdirSync(join(dir, 'generations'))).toHaveLength(10);
  });
});

describe('unlock methods', () => {
  test('change password: needs the current one; old stops working, new works', async () => {
    const vault = await created();
    await vault.update(() => sampleAccounts(3));
    await expect(vault.setPassword('a new password')).rejects.toMatchObject({
      code: 'vault.current-password-required',
    });
    await expect(
      vault.setPassword('a new password', { currentPassword: 'not it at all' }),
    ).rejects.toMatchObject({
      code: 'vault.wrong-password',
    });
    await expect(vault.verifyPassword('not it at all')).rejects.toMatchObject({
      code: 'vault.wrong-password',
    });
    await vault.verifyPassword(PW);
    await vault.setPassword('a new password', { currentPassword: PW });
    await vault.lock();
    await expect(vault.unlockWithPassword(PW)).rejects.toMatchObject({
      code: 'vault.wrong-password',
    });
    await vault.unlockWithPassword('a new password');
    expect(vault.accounts()).toHaveLength(3);
  });

  test('removing the only way to unlock is refused; keychain + password can each be removed', async () => {
    const keychain = new InMemoryKeychainForTests();
    const vault = weakService(dir, { keychain });
    await vault.create({ keychain: true });
    expect((await vault.status()).slots).toEqual({ keychain: true, password: false });
    await expect(vault.disableKeychain(PW)).rejects.toMatchObject({
      code: 'vault.last-unlock-method',
    });
    await expect(vault.removePassword(PW)).rejects.toMatchObject({
      code: 'vault.no-password-slot',
    });
    await vault.setPassword(PW);
    expect((await vault.status()).slots).toEqual({ keychain: true, password: true });
    await expect(vault.removePassword('not it at all')).rejects.toMatchObject({
      code: 'vault.wrong-password',
    });
    await vault.removePassword(PW);
    expect((await vault.status()).slots).toEqual({ keychain: true, password: false });
    await vault.setPassword(PW);
    // Sign out of this device: needs the password; slot gone, keychain entry gone, locked.
    await expect(vault.disableKeychain('not it at all')).rejects.toMatchObject({
      code: 'vault.wrong-password',
    });
    expect(keychain.entries.size).toBe(1);
    await vault.disableKeychain(PW);
    expect(keychain.entries.size).toBe(0);
    expect(await vault.status()).toMatchObject({
      state: 'locked',
      slots: { keychain: false, password: true },
    });
    await expect(vault.unlockWithKeychain()).rejects.toMatchObject({
      code: 'vault.no-keychain-slot',
    });
    await expect(vault.removePassword(PW)).rejects.toMatchObject({ code: 'vault.locked' });
    await vault.unlockWithPassword(PW);
    await expect(vault.removePassword(PW)).rejects.toMatchObject({
      code: 'vault.last-unlock-method',
    });
    await vault.enableKeychain();
    await vault.lock();
    await vault.unlockWithKeychain();
    expect(vault.accounts()).toEqual([]);
  });

  test('a keychain entry that went missing or changed is reported, password still works', async () => {
    const keychain = new InMemoryKeychainForTests();
    const vault = weakService(dir, { keychain });
    await vault.create({ keychain: true, password: PW });
    await vault.lock();
    const [account, value] = [...keychain.entries][0]!;
    keychain.entries.set(account, Buffer.alloc(32, 7).toString('base64'));
    await expect(vault.unlockWithKeychain()).rejects.toMatchObject({
      code: 'vault.keychain-mismatch',
    });
    keychain.entries.delete(account);
    await expect(vault.unlockWithKeychain()).rejects.toMatchObject({
      code: 'vault.keychain-missing',
    });
    keychain.entries.set(account, value);
    await vault.unlockWithKeychain();
    await vault.lock();
    await vault.unlockWithPassword(PW);
  });

  test('erase needs the typed confirmation, then removes every file and the keychain entry', async () => {
    const keychain = new InMemoryKeychainForTests();
    const vault = weakService(dir, { keychain });
    await vault.create({ keychain: true, password: PW });
    await vault.update(() => sampleAccounts(2));
    await vault.lock();
    await expect(vault.eraseAll('erase')).rejects.toMatchObject({
      code: 'vault.confirmation-mismatch',
    });
    expect(existsSync(join(dir, 'vault.json'))).toBe(true);
    await vault.eraseAll('ERASE');
    expect(readdirSync(dir)).toEqual([]);
    expect(keychain.entries.size).toBe(0);
    expect((await vault.status()).state).toBe('absent');
    await vault.create({ keychain: false, password: 'brand new vault' });
    expect(vault.accounts()).toEqual([]);
  });
});
