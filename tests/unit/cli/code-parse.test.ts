import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBundle } from '../../support/cli-bundle';
import { runCli } from '../../../src/cli/run';
import type { CliIo } from '../../../src/cli/io';
import { encodeBase32 } from '../../../src/core/common/encoding/base32';
import { hexBytes, readCorpus } from '../otp/corpora';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../../..');

function io(nowMs = 0): CliIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => nowMs,
    env: {},
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

// RFC 6238 Appendix B seeds and codes (rfc/rfc6238_totp_vectors.json).
interface Rfc6238 {
  seeds: Record<string, { hex: string }>;
  vectors: { unix_time: number; algorithm: string; totp_8: string }[];
}
const rfc6238 = readCorpus<Rfc6238>('rfc/rfc6238_totp_vectors.json');
const rfcUri = (algorithm: string) =>
  `otpauth://totp/RFC:6238?secret=${encodeBase32(hexBytes(rfc6238.seeds[algorithm]!.hex))}&algorithm=${algorithm}&digits=8`;

describe('latchkey code (in-process)', () => {
  it.each(rfc6238.vectors)(
    '$algorithm --time $unix_time prints $totp_8 and nothing else',
    async (v) => {
      const t = io();
      expect(await runCli(['code', rfcUri(v.algorithm), '--time', String(v.unix_time)], t)).toBe(0);
      expect(t.out()).toBe(`${v.totp_8}\n`);
      expect(t.err()).toBe('');
    },
  );

  it('uses the clock when --time is absent', async () => {
    const t = io(59_000);
    expect(await runCli(['code', rfcUri('SHA1')], t)).toBe(0);
    expect(t.out()).toBe('94287082\n');
  });

  it('uses the counter of an HOTP link (RFC 4226 Appendix D counter 5 -> 254676)', async () => {
    const t = io();
    const uri = 'otpauth://hotp/x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=5';
    expect(await runCli(['code', uri, '--time', '1000'], t)).toBe(0);
    expect(t.out()).toBe('254676\n');
  });

  it('prints Steam codes (KeePassXC vector from the real Steam app)', async () => {
    const t = io();
    const uri = 'steam://63BEDWCQZKTQWPESARIERL5DTTQFCJTK';
    expect(await runCli(['code', uri, '--time', '1511200714'], t)).toBe(0);
    expect(t.out()).toBe('9P3VP\n');
  });

  it('keeps warnings on stderr, prefixed, and the code alone on stdout', async () => {
    const t = io();
    const uri = 'otpauth://hotp/x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(await runCli(['code', uri, '--time', '0'], t)).toBe(0);
    expect(t.out()).toBe('755224\n');
    expect(t.err()).toMatch(/^warning: .*counter.*\n$/);
  });

  it.each([
    [['code', 'https://example.com'], /web address/],
    [['code', 'otpauth://totp/x?secret=GEZDGNBVA'], /not valid base32/],
    [['code', 'otpauth-migration://offline?data=x'], /Google Authenticator export/],
    [['code'], /missing the otpauth:\/\/ link/],
    [['code', 'a', 'b'], /one otpauth:\/\/ link/],
    [['code', rfcUri('SHA1'), '--time', 'yesterday'], /--time must be a Unix time/],
    [['code', rfcUri('SHA1'), '--time', '-5'], /--time must be a Unix time/],
    [['code', rfcUri('SHA1'), '--bogus'], /unknown option --bogus/],
  ])('%j exits 2 with a message on stderr', async (argv, message) => {
    const t = io();
    expect(await runCli(argv, t)).toBe(2);
    expect(t.out()).toBe('');
    expect(t.err()).toMatch(message);
    expect(t.err()).not.toMatch(/GEZDGNBV/);
  });

  it('prints the code of a secret under 80 bits, and a warning on stderr (oathtool agrees)', async () => {
    // pyotp's test secret GEZDGNBV = "12345", 5 bytes (corpora otpauth_uris/pyotp_cases.json).
    const oracle = await run('oathtool', ['--totp', '-N', '@1700000000', '3132333435']);
    const t = io();
    const uri = 'otpauth://totp/x?secret=GEZDGNBV';
    expect(await runCli(['code', uri, '--time', '1700000000'], t)).toBe(0);
    expect(t.out()).toBe(oracle.stdout);
    expect(t.err()).toBe(
      'warning: This key is only 40 bits long. Codes will work, but the service’s key is weaker than recommended (at least 80 bits).\n',
    );
  });
});

describe('latchkey parse (in-process)', () => {
  it('prints the canonical link', async () => {
    const t = io();
    const uri =
      'OTPAUTH://TOTP/Air%20Canada:Benjamin?issuer=Air+Canada&secret=kuvj-jom7-53ih-tnds-zvcn-kl7g-ii&algorithm=sha256&digits=7&period=20';
    expect(await runCli(['parse', uri], t)).toBe(0);
    expect(t.out()).toBe(
      'otpauth://totp/Air%20Canada:Benjamin?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=Air%20Canada&algorithm=SHA256&digits=7&period=20\n',
    );
    expect(t.err()).toBe('');
  });

  it('prints warnings to stderr prefixed with "warning: "', async () => {
    const t = io();
    const uri = 'otpauth://totp/Contoso:john?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=ACME&foo=1';
    expect(await runCli(['parse', uri], t)).toBe(0);
    expect(t.out()).toBe(
      'otpauth://totp/ACME:john?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=ACME&algorithm=SHA1&digits=6&period=30\n',
    );
    const lines = t.err().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.startsWith('warning: ')).toBe(true);
  });

  it('keeps a short secret and warns about its length on stderr', async () => {
    const t = io();
    // KeePassXC's 9-byte secret (corpora otpauth_uris/keepassxc_cases.json write cases).
    expect(
      await runCli(['parse', 'otpauth://totp/NoPadding:john?secret=HXDMVJECJJWSRBY='], t),
    ).toBe(0);
    expect(t.out()).toBe(
      'otpauth://totp/NoPadding:john?secret=HXDMVJECJJWSRBY&issuer=NoPadding&algorithm=SHA1&digits=6&period=30\n',
    );
    expect(t.err()).toMatch(/^warning: This key is only 72 bits long\. .*at least 80 bits\)\.\n$/);
  });

  it('exits 2 with the message on stderr for bad input', async () => {
    const t = io();
    expect(
      await runCli(['parse', 'otpauth://totp/x?secret=KUVJJOM753IHTNDSZVCNKL7GII&digits=12'], t),
    ).toBe(2);
    expect(t.out()).toBe('');
    expect(t.err()).toBe('latchkey parse: The number of digits must be between 6 and 10.\n');
  });
});

/** Newest modification time under the directories the CLI bundle is built from. */

describe('the built command line (node bin/latchkey.cjs)', () => {
  beforeAll(() => ensureCliBundle(), 120_000);

  const cli = (args: string[]) =>
    run('node', [join(ROOT, 'bin', 'latchkey.cjs'), ...args], { cwd: ROOT });

  // Ten spawned runs against the RFC and oathtool: the bundle behaves like the in-process command.
  it.each(rfc6238.vectors.slice(0, 6))('code $algorithm at $unix_time', async (v) => {
    const { stdout, stderr } = await cli([
      'code',
      rfcUri(v.algorithm),
      '--time',
      String(v.unix_time),
    ]);
    expect(stdout).toBe(`${v.totp_8}\n`);
    expect(stderr).toBe('');
  });

  it.each([
    ['sha256', 45, 7, 1_700_000_000],
    ['sha512', 60, 8, 2_000_000_123],
    ['sha1', 15, 6, 1_234_567_890],
  ] as const)('code matches oathtool (%s, %is, %i digits)', async (mode, period, digits, t) => {
    const secret = hexBytes('00112233445566778899aabbccddeeff0123456789');
    const oracle = await run('oathtool', [
      `--totp=${mode}`,
      '-s',
      String(period),
      '-d',
      String(digits),
      '-N',
      `@${t}`,
      Buffer.from(secret).toString('hex'),
    ]);
    const uri = `otpauth://totp/x?secret=${encodeBase32(secret)}&algorithm=${mode.toUpperCase()}&digits=${digits}&period=${period}`;
    const { stdout } = await cli(['code', uri, '--time', String(t)]);
    expect(stdout).toBe(oracle.stdout);
  });

  it('code of a 5-byte secret matches oathtool, with the warning on stderr', async () => {
    const oracle = await run('oathtool', ['--totp', '-N', '@59', '3132333435']);
    const { stdout, stderr } = await cli([
      'code',
      'otpauth://totp/x?secret=GEZDGNBV',
      '--time',
      '59',
    ]);
    expect(stdout).toBe(oracle.stdout);
    expect(stderr).toMatch(/^warning: This key is only 40 bits long\./);
  });

  it('parse exits 2 with the message on stderr', async () => {
    const failure = await cli(['parse', 'https://example.com']).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stdout).toBe('');
    expect(failure?.stderr).toMatch(/^latchkey parse: This is a web address/);
  });
});
