import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OTPAuth from 'otpauth';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { CORPORA, corpusJson, type ExpectedAccount } from './corpus';

const dir = mkdtempSync(join(tmpdir(), 'latchkey-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => 0,
    env: {},
  });
  return { code, stdout, stderr };
}

function passwordFile(password: string): string {
  const path = join(dir, `pw-${password.length}-${Math.random()}`);
  writeFileSync(path, `${password}\n`);
  return path;
}

describe('latchkey import', () => {
  it('prints an encrypted Aegis vault as canonical links in file order (checked with the otpauth library)', async () => {
    const { code, stdout, stderr } = await cli(
      'import',
      join(CORPORA, 'aegis/importers/aegis_encrypted.json'),
      '--password-file',
      passwordFile('test'),
    );
    expect([code, stderr]).toEqual([0, '']);
    const lines = stdout.trimEnd().split('\n');
    const expected = corpusJson<Record<string, { expected_accounts: ExpectedAccount[] }>>(
      'aegis/expected/aegis_importers_expected.json',
    )['importers/aegis_encrypted.json']!.expected_accounts;
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, i) => {
      const e = expected[i]!;
      if (e.type === 'steam') {
        expect(line).toContain('encoder=steam');
        return;
      }
      const otp = OTPAuth.URI.parse(line);
      expect([otp.issuer, otp.label, otp.secret.base32.replace(/=+$/, ''), otp.digits]).toEqual([
        e.issuer,
        e.name,
        e.secret,
        e.digits,
      ]);
    });
  });

  it('missing and wrong passwords exit 2 with a message on stderr and nothing on stdout', async () => {
    const file = join(CORPORA, 'aegis/importers/2fas_authenticator_encrypted_v4.2fas');
    const missing = await cli('import', file);
    expect([missing.code, missing.stdout]).toEqual([2, '']);
    expect(missing.stderr).toMatch(/encrypted.*password/i);
    const wrong = await cli('import', file, '--password-file', passwordFile('nope'));
    expect([wrong.code, wrong.stdout]).toEqual([2, '']);
    expect(wrong.stderr).toMatch(/password is wrong/);
  });

  it('unknown and unreadable files exit 2', async () => {
    expect((await cli('import', join(CORPORA, 'aegis/importers/duo.json'))).code).toBe(2);
    expect((await cli('import', join(dir, 'does-not-exist'))).code).toBe(2);
  });

  it('per-entry errors go to stderr as "entry N (label): message"; exit 0 when some imported', async () => {
    const file = join(dir, 'list.txt');
    writeFileSync(
      file,
      'otpauth://totp/Good:me?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Good\notpauth://totp/Bad:you?secret=ABC&issuer=Bad\n',
    );
    const { code, stdout, stderr } = await cli('import', file);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'otpauth://totp/Good:me?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Good&algorithm=SHA1&digits=6&period=30\n',
    );
    expect(stderr).toMatch(/^entry 2 \(Bad:you\): .+\n$/);
    expect(stderr).not.toContain('secret=');
  });

  it('imports a secret under 80 bits and warns on stderr, without the secret', async () => {
    const file = join(dir, 'short.txt');
    // pyotp's test secret GEZDGNBV (5 bytes), corpora otpauth_uris/pyotp_cases.json.
    writeFileSync(file, 'otpauth://totp/Short:me?secret=GEZDGNBV&issuer=Short\n');
    const { code, stdout, stderr } = await cli('import', file);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'otpauth://totp/Short:me?secret=GEZDGNBV&issuer=Short&algorithm=SHA1&digits=6&period=30\n',
    );
    expect(stderr).toMatch(
      /^entry 1 \(Short \(me\)\): warning: This key is only 40 bits long\..*\n$/,
    );
    expect(stderr).not.toContain('GEZDGNBV');
  });

  it('exit 1 when no account could be imported', async () => {
    const file = join(dir, 'bad.txt');
    writeFileSync(file, 'otpauth://totp/Bad:you?secret=ABC&issuer=Bad\n');
    const { code, stdout } = await cli('import', file);
    expect([code, stdout]).toEqual([1, '']);
  });

  it('--help documents formats and exit codes', async () => {
    const { code, stdout } = await cli('import', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('--password-file');
    expect(stdout).toMatch(/Exit status:\n\s+0 .*\n\s+1 .*\n\s+2 /);
  });
});
