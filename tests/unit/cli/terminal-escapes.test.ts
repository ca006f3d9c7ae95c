import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../../src/core/common/encoding/base32';
import { VaultService } from '../../../src/node/services/vault';
import { ensureCliBundle } from '../../support/cli-bundle';
import { sampleAccounts } from '../vault/helpers';
import { latchkey, TERMINAL_UNSAFE, type Ran } from './cli-harness';

/**
 * Issue 10 finding 5: an account name from a hostile QR code or backup must not drive the
 * terminal through ANY command. The names below carry an OSC 0 retitle, an OSC 52 clipboard
 * write, a C1 CSI (U+009B) "clear screen", a right-to-left override and an isolate. Every
 * command that prints names is run (built CLI, real pipes) and nothing it writes may contain a
 * raw C0/C1 control (but tab/newline) or a bidi override; the names show escaped instead, and
 * --json gives them back exactly.
 */

const EVIL_ISSUER = 'Evil\u001b]0;owned\u0007 Corp\u202e';
const EVIL_NAME = 'me\u001b]52;c;aGFja2Vk\u0007\u009b2J\u2066x\u2069';
const PASSWORD = 'correct horse battery staple';
const work = mkdtempSync(join(tmpdir(), 'latchkey-cli-escapes-'));
const dir = join(work, 'data');
const pw = join(work, 'pw');
writeFileSync(pw, `${PASSWORD}\n`);
const accounts = sampleAccounts(3).map((a, i) =>
  i < 2 ? { ...a, issuer: `${EVIL_ISSUER}${['Alpha', 'Bravo'][i]}`, name: EVIL_NAME } : a,
);
// Read before the vault service wipes the secrets it was given (it does on lock).
const FIRST_SECRET = encodeBase32(accounts[0]!.secret);
const vault = ['--data-dir', dir, '--vault-password-file', pw];
const label = (issuer: string, name: string) =>
  `${encodeURIComponent(issuer)}:${encodeURIComponent(name)}`;

beforeAll(async () => {
  await ensureCliBundle();
  const app = new VaultService({ dir, keychain: null });
  await app.create({ keychain: false, password: PASSWORD });
  await app.update(() => accounts);
  await app.lock();
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function expectTerminalSafe(result: Ran): void {
  expect(result.stdout).not.toMatch(TERMINAL_UNSAFE);
  expect(result.stderr).not.toMatch(TERMINAL_UNSAFE);
}

describe('no control or bidi character from an account name reaches the terminal', () => {
  it('list (and --json, which gives the names back exactly)', () => {
    const listed = latchkey(['list', ...vault]);
    expect(listed.code).toBe(0);
    expectTerminalSafe(listed);
    expect(listed.stdout).toContain('Evil\\u{1b}]0;owned\\u{7} Corp\\u{202e}Alpha');
    const json = latchkey(['list', '--json', ...vault]);
    expectTerminalSafe(json);
    const rows = JSON.parse(json.stdout) as { issuer: string; name: string }[];
    expect(rows.slice(0, 2).map((r) => r.name)).toEqual([EVIL_NAME, EVIL_NAME]);
    expect(rows[0]!.issuer).toBe(`${EVIL_ISSUER}Alpha`);
  });

  it('code --search (several matches, --json, and a hostile search that matches nothing)', () => {
    const several = latchkey(['code', '--search', 'evil', ...vault]);
    expect(several.code).toBe(0);
    expect(several.stdout.trim().split('\n')).toHaveLength(2);
    expectTerminalSafe(several);
    expectTerminalSafe(latchkey(['code', '--search', 'evil', '--json', ...vault]));
    const none = latchkey(['code', '--search', 'nothing\u001b]0;x\u0007', ...vault]);
    expect(none.code).toBe(1);
    expectTerminalSafe(none);
  });

  it('import: printed links and the stderr report (bad entries, warnings, duplicates)', () => {
    const file = join(work, 'hostile-links.txt');
    writeFileSync(
      file,
      [
        // Invalid secret: reported as "entry 1 (label): reason".
        `otpauth://totp/${label(EVIL_ISSUER, EVIL_NAME)}?secret=A`,
        // 40-bit secret: imported with a warning naming the account.
        `otpauth://totp/${label(EVIL_ISSUER, EVIL_NAME)}?secret=GEZDGNBV`,
        // Already in the vault: the --into-vault note names it.
        `otpauth://totp/${label(accounts[0]!.issuer, EVIL_NAME)}?secret=${FIRST_SECRET}`,
      ].join('\n'),
    );
    const printed = latchkey(['import', file]);
    expect(printed.code).toBe(0);
    expect(printed.stderr).toMatch(/entry 1 \(Evil\\u\{1b\}/);
    expectTerminalSafe(printed);
    const preview = latchkey(['import', file, '--into-vault', '--dry-run', ...vault]);
    expect(preview.stderr).toMatch(/already in the vault/);
    expectTerminalSafe(preview);
    expectTerminalSafe(latchkey(['import', file, '--into-vault', '--dry-run', '--json', ...vault]));
  });

  it('export: stderr and stdout, also for a hostile output name', () => {
    const out = join(work, 'kit\u001b]0;x\u0007.txt');
    const result = latchkey(['export', '-f', 'uris', '-o', out, ...vault]);
    expect(result.code).toBe(0);
    expectTerminalSafe(result);
    const piped = latchkey(['export', '-f', 'uris', '-o', '-', ...vault]);
    expectTerminalSafe(piped);
  });

  it('rename and rm (and the list of candidates when a search is ambiguous)', () => {
    const ambiguous = latchkey(['rm', 'evil', '--yes', ...vault]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/matches 2 accounts/);
    expectTerminalSafe(ambiguous);
    const renamed = latchkey(['rename', 'alpha', '--name', `new\u001b[31m\u202e`, ...vault]);
    expect(renamed.code).toBe(0);
    expectTerminalSafe(renamed);
    const removed = latchkey(['rm', 'bravo', '--yes', ...vault]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('\\u{1b}]52;c;');
    expectTerminalSafe(removed);
  });
});
