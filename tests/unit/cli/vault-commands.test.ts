import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../../src/core/common/encoding/base32';
import { VaultService } from '../../../src/node/services/vault';
import { runCli } from '../../../src/cli/run';
import { sampleAccounts, tempDir } from '../vault/helpers';

const PASSWORD = 'correct horse battery staple';

async function cli(argv: string[], env: Record<string, string> = {}, timeSec = 1_700_000_000) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => timeSec * 1000,
    env,
  });
  return { code, out, err };
}

const oathtool = (secret: Uint8Array, t: number) =>
  execFileSync('oathtool', ['--totp', '-b', `--now=@${t}`, encodeBase32(secret)], {
    encoding: 'utf8',
  }).trim();

describe('latchkey list / code --search read the user’s vault, read-only', () => {
  let dir: string;
  let cleanup: () => void;
  let pwFile: string;
  const accounts = sampleAccounts(3).map((a, i) => ({
    ...a,
    issuer: ['GitHub', 'Proton', 'Git Forge'][i]!,
  }));

  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    // A vault the app would write: production scrypt cost, password only (no keychain here).
    const app = new VaultService({ dir, keychain: null });
    await app.create({ keychain: false, password: PASSWORD });
    await app.update(() => accounts);
    await app.lock();
    pwFile = join(dir, 'password.txt');
    writeFileSync(pwFile, `${PASSWORD}\n`);
  });
  afterEach(() => cleanup());

  it('lists issuer, account and type, one per line, without secrets', async () => {
    const { code, out } = await cli(['list', '--data-dir', dir, '--password-file', pwFile]);
    expect(code).toBe(0);
    expect(out).toBe(accounts.map((a) => `${a.issuer}\t${a.name}\ttotp\n`).join(''));
    for (const a of accounts) expect(out).not.toContain(encodeBase32(a.secret));
  });

  it('the data folder comes from LATCHKEY_DATA_DIR when --data-dir is absent', async () => {
    const { code, out } = await cli(['list', '--password-file', pwFile], {
      LATCHKEY_DATA_DIR: dir,
    });
    expect(code).toBe(0);
    expect(out.split('\n')).toHaveLength(4);
  });

  it('code --search prints just the code for one match, agreeing with oathtool', async () => {
    const t = 1_700_000_123;
    const { code, out } = await cli([
      'code',
      '--search',
      'proton',
      '--data-dir',
      dir,
      '--password-file',
      pwFile,
      '--time',
      String(t),
    ]);
    expect(code).toBe(0);
    expect(out).toBe(`${oathtool(accounts[1]!.secret, t)}\n`);
  });

  it('code --search lists code, issuer and account when several match, and exits 1 for none', async () => {
    const t = 1_700_000_000;
    const several = await cli(
      ['code', '--search', 'git', '--data-dir', dir, '--password-file', pwFile],
      {},
      t,
    );
    expect(several.code).toBe(0);
    expect(several.out).toBe(
      [0, 2]
        .map(
          (i) =>
            `${oathtool(accounts[i]!.secret, t)}\t${accounts[i]!.issuer}\t${accounts[i]!.name}\n`,
        )
        .join(''),
    );
    const none = await cli([
      'code',
      '--search',
      'nothing-like-this',
      '--data-dir',
      dir,
      '--password-file',
      pwFile,
    ]);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no account matches/);
  });

  it('a wrong password is refused with a clear message and exit 2; nothing is written', async () => {
    const before = readFileSync(join(dir, 'vault.json'));
    const mtime = statSync(join(dir, 'vault.json')).mtimeMs;
    writeFileSync(pwFile, 'wrong password\n');
    const { code, err, out } = await cli(['list', '--data-dir', dir, '--password-file', pwFile]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/password is not correct/);
    expect(readFileSync(join(dir, 'vault.json')).equals(before)).toBe(true);
    expect(statSync(join(dir, 'vault.json')).mtimeMs).toBe(mtime);
  });

  it('works while the app has the vault open and is saving', async () => {
    const app = new VaultService({ dir, keychain: null });
    await app.unlockWithPassword(PASSWORD);
    const saving = app.update((list) => [...list, { ...list[0]!, id: 'extra', issuer: 'Extra' }]);
    const { code, out } = await cli(['list', '--data-dir', dir, '--password-file', pwFile]);
    await saving;
    expect(code).toBe(0);
    // Either the old or the new content, never a torn read.
    expect([3, 4]).toContain(out.trim().split('\n').length);
    await app.lock();
  });

  it('no vault: says so, exit 2', async () => {
    const { dir: empty, cleanup: done } = tempDir();
    const { code, err } = await cli(['list', '--data-dir', empty, '--password-file', pwFile]);
    expect(code).toBe(2);
    expect(err).toMatch(/no vault/i);
    done();
  });
});
