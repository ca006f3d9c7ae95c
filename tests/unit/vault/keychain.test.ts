import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { KEYCHAIN_SERVICE } from '../../../src/core/node/vault/format';
import { createKeytarKeychain } from '../../../src/node/keychain';
import { openVaultReadOnly } from '../../../src/node/services/vault/read-only';
import { sampleAccounts, tempDir, weakService } from './helpers';

// The REAL keychain: keytar against whatever Secret Service this process's D-Bus session has.
// The unit test script runs vitest inside
//   dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets; …'
// LATCHKEY_EXPECT_KEYCHAIN=1 makes a missing keychain a failure; =0 requires the degraded path
// (no Secret Service, or a locked keyring). Unset: whichever this machine has is tested.

const keychain = createKeytarKeychain();
const expectation = process.env.LATCHKEY_EXPECT_KEYCHAIN;

/** Usable = it can store and give back a value (a locked keyring can read but not store). */
async function probeWritable(): Promise<boolean> {
  if (!(await keychain.available())) return false;
  try {
    await keychain.set('latchkey-test-probe', 'probe');
    return (await keychain.get('latchkey-test-probe')) === 'probe';
  } catch {
    return false;
  } finally {
    await keychain.delete('latchkey-test-probe').catch(() => false);
  }
}
const usable = await probeWritable();

const PW = 'correct horse battery';
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

test('the keychain is in the state this run expects', () => {
  if (expectation === '1')
    expect(usable, 'LATCHKEY_EXPECT_KEYCHAIN=1 but no usable Secret Service').toBe(true);
  if (expectation === '0')
    expect(usable, 'LATCHKEY_EXPECT_KEYCHAIN=0 but a keychain works').toBe(false);
  console.info(
    `keychain tests: ${usable ? 'real Secret Service' : 'degraded path (no usable keychain)'}`,
  );
});

describe.runIf(usable)('with a real Secret Service', () => {
  test('create stores only a 32-byte key (base64) under service "Latchkey", account = vault id', async () => {
    const vault = weakService(dir, { keychain });
    expect((await vault.status()).keychainAvailable).toBe(true);
    await vault.create({ keychain: true, password: PW });
    const accounts = sampleAccounts(4);
    await vault.update(() => accounts);
    const vaultId = JSON.parse(
      JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8')).header,
    ).vaultId;
    const keytar = (await import('keytar')).default;
    const stored = await keytar.getPassword(KEYCHAIN_SERVICE, `vault-${vaultId}`);
    expect(stored).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(stored!, 'base64')).toHaveLength(32);
    // Only that one entry for this vault, nothing with account data.
    const all = await keytar.findCredentials(KEYCHAIN_SERVICE);
    const ours = all.filter((c) => c.account === `vault-${vaultId}`);
    expect(ours).toHaveLength(1);
    for (const a of accounts) {
      const hex = Buffer.from(a.secret).toString('hex');
      for (const c of all)
        expect(Buffer.from(c.password, 'base64').toString('hex')).not.toContain(hex);
    }
    await vault.eraseAll('ERASE');
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, `vault-${vaultId}`)).toBeNull();
  });

  test('unlock with the keychain after a restart; read-only CLI opener too', async () => {
    const vault = weakService(dir, { keychain });
    await vault.create({ keychain: true });
    await vault.update(() => sampleAccounts(2));
    const restarted = weakService(dir, { keychain: createKeytarKeychain() });
    expect(await restarted.status()).toMatchObject({
      state: 'locked',
      slots: { keychain: true, password: false },
    });
    await restarted.unlockWithKeychain();
    expect(restarted.accounts().map((a) => a.id)).toEqual(sampleAccounts(2).map((a) => a.id));
    const before = readFileSync(join(dir, 'vault.json'));
    const read = await openVaultReadOnly(dir, { keychain, allowWeakKdfForTests: true });
    expect(read.map((a) => a.id)).toEqual(sampleAccounts(2).map((a) => a.id));
    expect(readFileSync(join(dir, 'vault.json')).equals(before)).toBe(true);
    await restarted.eraseAll('ERASE');
  });

  test('several vaults do not collide; signing out of one leaves the other', async () => {
    const other = tempDir();
    try {
      const a = weakService(dir, { keychain });
      const b = weakService(other.dir, { keychain });
      await a.create({ keychain: true, password: PW });
      await b.create({ keychain: true });
      await a.disableKeychain(PW);
      expect((await a.status()).state).toBe('locked');
      await expect(a.unlockWithKeychain()).rejects.toMatchObject({
        code: 'vault.no-keychain-slot',
      });
      await a.unlockWithPassword(PW);
      await b.lock();
      await b.unlockWithKeychain();
      // Re-enable on a: a fresh key, and it works again.
      await a.enableKeychain();
      await a.lock();
      await a.unlockWithKeychain();
      await a.eraseAll('ERASE');
      await b.eraseAll('ERASE');
    } finally {
      other.cleanup();
    }
  });
});

describe.runIf(!usable)('without a usable keychain (degraded path)', () => {
  test('asking for the keychain fails with a plain explanation; nothing is written', async () => {
    const vault = weakService(dir, { keychain });
    const error = await vault.create({ keychain: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'vault.keychain-unavailable' });
    expect((error as Error).message).toMatch(/GNOME Keyring or KWallet|keychain is locked/);
    expect((error as Error).message).not.toMatch(/dbus|D-Bus|org\.freedesktop/i);
    await expect(vault.create({ keychain: true, password: PW })).rejects.toMatchObject({
      code: 'vault.keychain-unavailable',
    });
    expect((await vault.status()).state).toBe('absent');
  });

  test('password-only works, and keychain unlock / enable report the keychain as unavailable', async () => {
    const vault = weakService(dir, { keychain });
    await vault.create({ keychain: false, password: PW });
    await expect(vault.enableKeychain()).rejects.toMatchObject({
      code: 'vault.keychain-unavailable',
    });
    await vault.update(() => sampleAccounts(2));
    await vault.lock();
    await expect(vault.unlockWithKeychain()).rejects.toMatchObject({
      code: 'vault.no-keychain-slot',
    });
    await vault.unlockWithPassword(PW);
    expect(vault.accounts()).toHaveLength(2);
  });
});
