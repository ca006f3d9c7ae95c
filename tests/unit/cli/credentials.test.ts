import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { latchkey, recordedFailures, seedPasswordVault } from './cli-harness';

/**
 * Issue 15 §2: credentials are read before anything is tried, so every mistake in giving one is
 * a usage error (exit 2) naming the file and why — and never a wrong-password attempt: the
 * lockout counter (lockout.json) stays at zero. A real wrong password, last, does count.
 */

const PASSWORD = 'correct horse battery staple';
const work = mkdtempSync(join(tmpdir(), 'latchkey-cli-cred-'));
const dir = join(work, 'data');
const put = (name: string, text: string) => {
  writeFileSync(join(work, name), text);
  return join(work, name);
};

beforeAll(() => seedPasswordVault(dir, PASSWORD), 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const folder = join(work, 'a-folder');
mkdirSync(folder);
const empty = put('empty', '');
const blank = put('blank', '\nsecond line\n');
const notADir = put('plain-file', 'x');
const missing = join(work, 'nope.txt');

// --password-file and --password-stdin keep their meaning per command: the vault's password for
// list and add, the backup's for export (where the vault's comes from --vault-password-file).
describe.each([
  ['list', ['list'], 'vault'],
  ['add', ['add', 'otpauth://totp/New:me?secret=JBSWY3DPEHPK3PXP&issuer=New'], 'vault'],
  ['export (vault)', ['export', '-f', 'uris', '-o', join(work, 'never.txt')], 'backup'],
])('%s: credential mistakes are usage errors that cost no attempt', (_name, command, alias) => {
  const run = (...extra: string[]) => latchkey([...command, '--data-dir', dir, ...extra]);

  it.each([
    [
      'a missing file',
      ['--vault-password-file', missing],
      /vault password file “.*nope\.txt” does not exist/,
    ],
    ['a folder', ['--vault-password-file', folder], /vault password file “.*a-folder” is a folder/],
    ['an empty file', ['--vault-password-file', empty], /vault password file “.*empty” is empty/],
    [
      'a blank first line',
      ['--vault-password-file', blank],
      /is empty \(its first line is blank\)/,
    ],
    ['an unreadable path', ['--vault-password-file', join(notADir, 'x')], /cannot be read/],
    [
      'the alias, missing',
      ['--password-file', missing],
      new RegExp(`${alias} password file “.*nope\\.txt” does not exist`),
    ],
    ['no password at all', [], /no vault password given: use --vault-password-file/],
    [
      'empty standard input',
      ['--password-stdin'],
      new RegExp(`no ${alias} password on standard input`),
    ],
  ])('%s', (_what, extra, message) => {
    const result = run(...extra);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/ENOENT|EISDIR|password is not correct/);
    expect(recordedFailures(dir)).toBe(0);
  });
});

describe('other credential rules', () => {
  it('--password-stdin supplies the vault password', () => {
    const result = latchkey(['list', '--data-dir', dir, '--password-stdin'], {
      input: `${PASSWORD}\n`,
    });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('a backup password file that is missing names the backup password', () => {
    const result = latchkey([
      'import',
      join(__dirname, '../../../../shared/corpora/aegis/importers/aegis_encrypted.json'),
      '--backup-password-file',
      missing,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/backup password file “.*nope\.txt” does not exist/);
  });

  it('an Aegis export refuses a 5-character password (the one password rule), writing nothing', () => {
    const out = join(work, 'short.json');
    const result = latchkey([
      'export',
      '-f',
      'aegis',
      '-o',
      out,
      '--data-dir',
      dir,
      '--vault-password-file',
      put('pw', PASSWORD),
      '--backup-password-file',
      put('short', 'abcde\n'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/at least 8 characters/);
    expect(() => statSync(out)).toThrow();
    expect(recordedFailures(dir)).toBe(0);
  });

  it('a random binary file is not called an encrypted backup', () => {
    const result = latchkey(['import', put('random.bin', randomBytes(4096).toString('latin1'))]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/This backup is encrypted/);
    expect(result.stderr).toMatch(/not a backup format Latchkey recognises/);
  });

  it('a wrong password is an attempt: exit 2, said as such, counted once', () => {
    const result = latchkey([
      'list',
      '--data-dir',
      dir,
      '--vault-password-file',
      put('bad', 'wrong password\n'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/password is not correct/);
    expect(recordedFailures(dir)).toBe(1);
  });
});

describe('exports (in-process)', () => {
  const links = put('links.txt', 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&issuer=A\n');
  const io = (stdoutIsTTY = false) => {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: {
        stdout: (t: string) => out.push(t),
        stderr: (t: string) => err.push(t),
        now: () => 1_700_000_000_000,
        env: {},
        stdoutIsTTY,
      },
    };
  };

  it('--force replaces a 0644 file and leaves it 0600 (exports are always private)', async () => {
    const out = put('existing.txt', 'old\n');
    const { chmodSync } = await import('node:fs');
    chmodSync(out, 0o644);
    const t = io();
    expect(
      await runCli(['export', '--from', links, '-f', 'uris', '-o', out, '--force'], t.io),
    ).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).toMatch(/^otpauth:\/\/totp\/A:b/);
  });

  it('--out - writes standard output, and refuses a PDF when that is a terminal', async () => {
    const text = io();
    expect(await runCli(['export', '--from', links, '-f', 'uris', '-o', '-'], text.io)).toBe(0);
    expect(text.out.join('')).toMatch(/^otpauth:\/\/totp\/A:b/);
    expect(() => statSync('-')).toThrow();
    const tty = io(true);
    expect(await runCli(['export', '--from', links, '-f', 'pdf', '-o', '-'], tty.io)).toBe(2);
    expect(tty.err.join('')).toMatch(/PDF would garble the terminal/);
    expect(tty.out.join('')).toBe('');
  });
});
