import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeytarKeychain } from '../../../src/node/keychain';
import { VaultService } from '../../../src/node/services/vault';
import { runCli } from '../../../src/cli/run';
import { sampleAccounts, tempDir } from '../vault/helpers';

// The command line against the REAL keychain (gnome-keyring in a private D-Bus session, see
// scripts/test.mjs), and once more with no Secret Service (LATCHKEY_EXPECT_KEYCHAIN=0).
const expectation = process.env.LATCHKEY_EXPECT_KEYCHAIN;
const keychain = createKeytarKeychain();
const available = await keychain.available();
const PASSWORD = 'correct horse battery staple';

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => Date.now(),
    env: {},
  });
  return { code, out, err };
}

describe('latchkey list with this device’s keychain', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('the keychain is in the state this run expects', () => {
    if (expectation === '1') expect(available).toBe(true);
    if (expectation === '0') expect(available).toBe(false);
  });

  it.runIf(available)(
    'opens without a password using the keychain key the app stored',
    async () => {
      const app = new VaultService({ dir, keychain });
      await app.create({ keychain: true, password: PASSWORD });
      await app.update(() => sampleAccounts(2));
      await app.lock();
      const { code, out } = await cli(['list', '--data-dir', dir]);
      expect(code).toBe(0);
      expect(out).toBe('Issuer 0\tuser0@example.com\ttotp\nIssuer 1\tuser1@example.com\ttotp\n');
      await app.eraseAll('ERASE');
    },
  );

  it.runIf(!available)(
    'with no Secret Service, says the keychain is unavailable and the password still works',
    async () => {
      const app = new VaultService({ dir, keychain });
      await expect(app.create({ keychain: true, password: PASSWORD })).rejects.toMatchObject({
        code: 'vault.keychain-unavailable',
      });
      await app.create({ keychain: false, password: PASSWORD });
      await app.update(() => sampleAccounts(1));
      await app.lock();
      const withoutPassword = await cli(['list', '--data-dir', dir]);
      expect(withoutPassword.code).toBe(2);
      expect(withoutPassword.err).toMatch(/password/i);
      const pwFile = join(dir, 'pw.txt');
      writeFileSync(pwFile, PASSWORD);
      const withPassword = await cli(['list', '--data-dir', dir, '--password-file', pwFile]);
      expect(withPassword.code).toBe(0);
      expect(withPassword.out).toBe('Issuer 0\tuser0@example.com\ttotp\n');
    },
  );
});
