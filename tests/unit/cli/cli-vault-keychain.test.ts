import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeytarKeychain } from '../../../src/node/keychain';
import { VaultService } from '../../../src/node/services/vault';
import { ensureCliBundle } from '../../support/cli-bundle';
import { latchkey, recordedFailures } from './cli-harness';

// The vault commands against the REAL keychain (gnome-keyring in a private D-Bus session, see
// scripts/test.mjs), and once more with no Secret Service (LATCHKEY_EXPECT_KEYCHAIN=0): one
// credentials path — the keychain slot when present and reachable, else the password.
const expectation = process.env.LATCHKEY_EXPECT_KEYCHAIN;
const keychain = createKeytarKeychain();
const available = await keychain.available();
const PASSWORD = 'correct horse battery staple';
const LINK = 'otpauth://totp/Forge:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Forge';

const work = mkdtempSync(join(tmpdir(), 'latchkey-cli-keychain-'));
const pw = join(work, 'pw');
writeFileSync(pw, `${PASSWORD}\n`);
let n = 0;
const fresh = () => join(work, `vault-${++n}`);
const slotTypes = (dir: string) => {
  const outer = JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8')) as { header: string };
  const header = JSON.parse(outer.header) as { slots: { type: string }[] };
  return header.slots.map((s) => s.type).sort();
};
const made: string[] = [];

beforeAll(async () => ensureCliBundle(), 120_000);
afterAll(async () => {
  // Take this run's keys back out of the keyring.
  for (const dir of made) {
    await new VaultService({ dir, keychain }).eraseAll('ERASE').catch(() => undefined);
  }
  rmSync(work, { recursive: true, force: true });
});

describe('vault commands with this device’s keychain', () => {
  it('the keychain is in the state this run expects', () => {
    if (expectation === '1') expect(available).toBe(true);
    if (expectation === '0') expect(available).toBe(false);
  });

  it.runIf(available)(
    'init --keychain makes a keychain-only vault that every command opens without a password; passwd adds and removes one',
    () => {
      const dir = fresh();
      made.push(dir);
      expect(latchkey(['init', '--keychain', '--data-dir', dir]).code).toBe(0);
      expect(slotTypes(dir)).toEqual(['keychain']);
      expect(latchkey(['add', LINK, '--data-dir', dir]).code).toBe(0);
      expect(latchkey(['list', '--data-dir', dir]).stdout).toBe('Forge\talice\ttotp\n');
      expect(latchkey(['passwd', '--new-password-file', pw, '--data-dir', dir]).code).toBe(0);
      expect(slotTypes(dir)).toEqual(['keychain', 'password']);
      // The keychain still opens it with no password given.
      expect(latchkey(['code', '-s', 'forge', '--data-dir', dir]).code).toBe(0);
      const removed = latchkey([
        'passwd',
        '--remove',
        '--vault-password-file',
        pw,
        '--data-dir',
        dir,
      ]);
      expect(removed.code).toBe(0);
      expect(slotTypes(dir)).toEqual(['keychain']);
      expect(latchkey(['list', '--data-dir', dir]).code).toBe(0);
    },
    60_000,
  );

  it.runIf(available)(
    'init with neither flag adds the keychain when it is there, next to the password',
    () => {
      const dir = fresh();
      made.push(dir);
      expect(latchkey(['init', '--new-password-file', pw, '--data-dir', dir]).code).toBe(0);
      expect(slotTypes(dir)).toEqual(['keychain', 'password']);
      expect(latchkey(['add', LINK, '--data-dir', dir]).code).toBe(0);
      expect(recordedFailures(dir)).toBe(0);
    },
    60_000,
  );

  it.runIf(!available)(
    'with no Secret Service: init --keychain says so (exit 2, no vault); the password path works and is asked for by name',
    () => {
      const dir = fresh();
      const refused = latchkey(['init', '--keychain', '--data-dir', dir]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/keychain is not available/);
      expect(existsSync(join(dir, 'vault.json'))).toBe(false);
      expect(latchkey(['init', '--new-password-file', pw, '--data-dir', dir]).code).toBe(0);
      expect(slotTypes(dir)).toEqual(['password']);
      const noPassword = latchkey(['add', LINK, '--data-dir', dir]);
      expect(noPassword.code).toBe(2);
      expect(noPassword.stderr).toMatch(/no vault password given/);
      expect(latchkey(['add', LINK, '--data-dir', dir, '--vault-password-file', pw]).code).toBe(0);
      expect(recordedFailures(dir)).toBe(0);
    },
    60_000,
  );
});
