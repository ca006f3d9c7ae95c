import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LOCKOUT_POLICY, lockoutWaitMs } from '../../../src/node/services/vault/lockout-store';
import { countingKdf, InMemoryKeychainForTests, tempDir, weakService } from './helpers';

// The wrong-password lockout (docs/vault-format.md): 6 wrong in a row → wait 30 s, doubling, capped;
// counted on disk before the KDF runs; survives restarts; a clock turned back never helps.

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const PW = 'correct horse battery';
const T0 = Date.UTC(2026, 0, 1);

function clock(start = T0) {
  const c = { t: start, now: () => c.t };
  return c;
}

async function setup() {
  const c = clock();
  const kdf = countingKdf();
  const vault = weakService(dir, { now: c.now, kdf, monotonic: c.now });
  await vault.create({ keychain: false, password: PW });
  await vault.lock();
  kdf.calls = 0;
  return { c, kdf, vault };
}

const wrong = (v: ReturnType<typeof weakService>) => v.unlockWithPassword('wrong guess!');

describe('lockout', () => {
  test('policy: five free failures, then 30 s doubling, capped at an hour', () => {
    expect([0, 1, 5].map(lockoutWaitMs)).toEqual([0, 0, 0]);
    expect([6, 7, 8].map(lockoutWaitMs)).toEqual([30_000, 60_000, 120_000]);
    expect(lockoutWaitMs(40)).toBe(LOCKOUT_POLICY.maxWaitMs);
  });

  test('the 7th wrong password during the wait is refused without running the KDF', async () => {
    const { c, kdf, vault } = await setup();
    for (let i = 0; i < 6; i++)
      await expect(wrong(vault)).rejects.toMatchObject({ code: 'vault.wrong-password' });
    expect(kdf.calls).toBe(6);
    c.t += 10_000;
    const refused = await wrong(vault).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'vault.locked-out', details: { until: T0 + 30_000 } });
    // A refused guess is still a guess: counted (7 in a row), so the wait doubles from the last
    // tried failure. The KDF did not run.
    expect((await vault.status()).lockout).toEqual({ until: T0 + 60_000 });
    // Even the right password is refused while waiting (and counted), and no KDF ran for either.
    await expect(vault.unlockWithPassword(PW)).rejects.toMatchObject({ code: 'vault.locked-out' });
    expect(kdf.calls).toBe(6);
    expect((await vault.status()).lockout).toEqual({ until: T0 + 120_000 });
    // After the wait one more attempt runs; its failure (the 9th) makes the wait 4 minutes.
    c.t = T0 + 120_000;
    await expect(wrong(vault)).rejects.toMatchObject({ code: 'vault.wrong-password' });
    expect(kdf.calls).toBe(7);
    await expect(wrong(vault)).rejects.toMatchObject({
      code: 'vault.locked-out',
      details: { until: c.t + 240_000 },
    });
    c.t += 480_000;
    await vault.unlockWithPassword(PW);
    expect(kdf.calls).toBe(8);
    // Success resets the count: six more failures are needed for a wait again.
    await vault.lock();
    for (let i = 0; i < 5; i++)
      await expect(wrong(vault)).rejects.toMatchObject({ code: 'vault.wrong-password' });
    expect((await vault.status()).lockout).toBeUndefined();
  });

  test('an empty password is a usage error: not counted, no KDF', async () => {
    const { kdf, vault } = await setup();
    await expect(vault.unlockWithPassword('')).rejects.toMatchObject({
      code: 'vault.password-empty',
    });
    expect(kdf.calls).toBe(0);
    expect(existsSync(join(dir, 'lockout.json'))).toBe(false);
  });

  test('the failure is on disk before the KDF runs', async () => {
    const c = clock();
    let seenOnDisk: unknown = null;
    const probe = weakService(dir, { now: c.now });
    await probe.create({ keychain: false, password: PW });
    await probe.lock();
    const vault = weakService(dir, {
      now: c.now,
      kdf: async () => {
        seenOnDisk = JSON.parse(readFileSync(join(dir, 'lockout.json'), 'utf8'));
        return Buffer.alloc(32);
      },
    });
    await expect(wrong(vault)).rejects.toMatchObject({ code: 'vault.wrong-password' });
    expect(seenOnDisk).toMatchObject({ failures: 1, lastFailureAt: T0 });
  });

  test('survives a restart: a new service on the same folder keeps counting and waiting', async () => {
    const { c, kdf } = await setup();
    for (let i = 0; i < 6; i++) {
      // A fresh instance each time, as if the app were restarted between attempts.
      const v = weakService(dir, { now: c.now, kdf });
      await expect(wrong(v)).rejects.toMatchObject({ code: 'vault.wrong-password' });
      c.t += 1_000;
    }
    const restarted = weakService(dir, { now: c.now, kdf });
    expect((await restarted.status()).lockout).toEqual({ until: T0 + 5_000 + 30_000 });
    await expect(restarted.unlockWithPassword(PW)).rejects.toMatchObject({
      code: 'vault.locked-out',
    });
    expect(kdf.calls).toBe(6);
  });

  test('turning the clock back does not end the wait: it restarts from the new time', async () => {
    const { c, kdf, vault } = await setup();
    for (let i = 0; i < 6; i++)
      await expect(wrong(vault)).rejects.toMatchObject({ code: 'vault.wrong-password' });
    // Clock set back a day, and the app restarted (no monotonic memory).
    c.t = T0 - 86_400_000;
    const anchor = c.t;
    const restarted = weakService(dir, { now: c.now, kdf });
    await expect(restarted.unlockWithPassword(PW)).rejects.toMatchObject({
      code: 'vault.locked-out',
      details: { until: anchor + 30_000 },
    });
    // Re-anchored at the rolled-back time; the refused guess made it 7 in a row (a minute).
    expect((await restarted.status()).lockout).toEqual({ until: anchor + 60_000 });
    expect(kdf.calls).toBe(6);
    // A second rollback restarts the wait again from the new time.
    c.t += 59_000;
    c.t -= 60_000;
    await expect(restarted.unlockWithPassword(PW)).rejects.toMatchObject({
      code: 'vault.locked-out',
      details: { until: c.t + 60_000 },
    });
    expect(kdf.calls).toBe(6);
    // The full wait on the (rolled-back) clock does end it: the user is not locked out for a day.
    c.t += 120_000;
    await restarted.unlockWithPassword(PW);
    expect(kdf.calls).toBe(7);
  });

  test('within one run, a clock jumped forward does not shorten the wait (monotonic time)', async () => {
    const wall = clock();
    const mono = clock(0);
    const kdf = countingKdf();
    const vault = weakService(dir, { now: wall.now, monotonic: mono.now, kdf });
    await vault.create({ keychain: false, password: PW });
    await vault.lock();
    for (let i = 0; i < 6; i++)
      await expect(wrong(vault)).rejects.toMatchObject({ code: 'vault.wrong-password' });
    wall.t += 3_600_000; // wall clock pushed an hour ahead, only 1 s really passed
    mono.t += 1_000;
    await expect(vault.unlockWithPassword(PW)).rejects.toMatchObject({ code: 'vault.locked-out' });
    // The refused guess counted (a minute now); a minute of real time ends the wait.
    mono.t += 60_000;
    await vault.unlockWithPassword(PW);
  });

  test('a missing vault is not counted as a wrong password', async () => {
    const kdf = countingKdf();
    const vault = weakService(dir, { kdf });
    await expect(vault.unlockWithPassword('anything')).rejects.toMatchObject({
      code: 'vault.absent',
    });
    expect(kdf.calls).toBe(0);
    expect((await vault.status()).lockout).toBeUndefined();
  });

  test('this device’s keychain key still unlocks during a password wait', async () => {
    const keychain = new InMemoryKeychainForTests();
    const vault = weakService(dir, { keychain });
    await vault.create({ keychain: true, password: PW });
    await vault.lock();
    for (let i = 0; i < 6; i++)
      await expect(wrong(vault)).rejects.toMatchObject({ code: 'vault.wrong-password' });
    await expect(vault.unlockWithPassword(PW)).rejects.toMatchObject({ code: 'vault.locked-out' });
    await vault.unlockWithKeychain();
    expect(vault.accounts()).toEqual([]);
  });

  test('importing the vault’s own file while unlocked is a counted guess under the same lockout', async () => {
    // Issue 10, finding 3: this path checked the password with no lockout at all, and kept
    // working after re-authentication was locked out.
    const { kdf, vault } = await setup();
    await vault.unlockWithPassword(PW);
    const ownFile = readFileSync(join(dir, 'vault.json'));
    kdf.calls = 0;
    for (let i = 0; i < 6; i++) {
      await expect(vault.openFileWithPassword(ownFile, `guess ${i}!`)).rejects.toMatchObject({
        code: 'vault.wrong-password',
      });
    }
    expect(kdf.calls).toBe(6);
    // Re-authentication is now refused too, and so is the import — even with the right password.
    await expect(vault.verifyPassword(PW)).rejects.toMatchObject({ code: 'vault.locked-out' });
    await expect(vault.openFileWithPassword(ownFile, PW)).rejects.toMatchObject({
      code: 'vault.locked-out',
    });
    expect(kdf.calls).toBe(6);
  });

  test('wrong re-authentications lock out the import of a Latchkey file as well', async () => {
    const { kdf, vault } = await setup();
    await vault.unlockWithPassword(PW);
    const ownFile = readFileSync(join(dir, 'vault.json'));
    kdf.calls = 0;
    for (let i = 0; i < 6; i++)
      await expect(vault.verifyPassword(`guess ${i}!`)).rejects.toMatchObject({
        code: 'vault.wrong-password',
      });
    await expect(vault.openFileWithPassword(ownFile, PW)).rejects.toMatchObject({
      code: 'vault.locked-out',
    });
    expect(kdf.calls).toBe(6);
  });
});
