import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCode } from '../../../src/core/common/otp/index';
import { encodeBase32 } from '../../../src/core/common/encoding/base32';
import { runCli } from '../../../src/cli/run';
import type { CliIo } from '../../../src/cli/io';
import type { HashAlgorithm, OtpParams } from '../../../src/shared/account';

/**
 * Debian's oathtool (OATH Toolkit, C, its own HMAC via gnulib) as an independent oracle.
 * oathtool's HOTP mode is SHA1-only, so HOTP with SHA256/SHA512 is checked through its TOTP mode
 * with a 1-second period at t = counter, which is the same computation (RFC 6238 §4.2).
 */
const run = promisify(execFile);

interface Case {
  readonly secret: Uint8Array;
  readonly otp: OtpParams;
  readonly timeSeconds: number;
}

const algorithms: readonly HashAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];
const periods = [15, 20, 30, 45, 60, 90, 120, 300, 3600];

/**
 * Secrets of 1–64 bytes, a third of them under 80 bits: services issue short secrets (pyotp's
 * GEZDGNBV is 5 bytes), oathtool accepts any length, and Latchkey keeps them with a warning.
 */
const secretArb = fc.oneof(
  { arbitrary: fc.uint8Array({ minLength: 1, maxLength: 9 }), weight: 1 },
  { arbitrary: fc.uint8Array({ minLength: 10, maxLength: 64 }), weight: 2 },
);
const isShort = (c: Case) => c.secret.length < 10;

/** A seeded random case: 1–64 byte secret, SHA1/256/512, 6–8 digits (oathtool's maximum). */
const caseArb: fc.Arbitrary<Case> = fc.oneof(
  fc
    .record({
      secret: secretArb,
      algorithm: fc.constantFrom(...algorithms),
      digits: fc.integer({ min: 6, max: 8 }),
      period: fc.constantFrom(...periods),
      timeSeconds: fc.integer({ min: 0, max: 2 ** 35 }),
    })
    .map(({ secret, algorithm, digits, period, timeSeconds }) => ({
      secret,
      otp: { type: 'totp', algorithm, digits, period } as const,
      timeSeconds,
    })),
  fc
    .record({
      secret: secretArb,
      algorithm: fc.constantFrom(...algorithms),
      digits: fc.integer({ min: 6, max: 8 }),
      counter: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 2 ** 40 })),
    })
    .map(({ secret, algorithm, digits, counter }) => ({
      secret,
      otp: { type: 'hotp', algorithm, digits, counter } as const,
      timeSeconds: 0,
    })),
);

const CASES = fc.sample(caseArb, { numRuns: 1200, seed: 20261130 });

function oathtoolArgs(c: Case): string[] {
  const hex = Buffer.from(c.secret).toString('hex');
  const digits = ['-d', String(c.otp.digits)];
  if (c.otp.type === 'hotp') {
    if (c.otp.algorithm === 'SHA1') return [...digits, '-c', String(c.otp.counter), hex];
    const mode = `--totp=${c.otp.algorithm.toLowerCase()}`;
    return [mode, '-s', '1', '-N', `@${c.otp.counter}`, ...digits, hex];
  }
  const mode = `--totp=${c.otp.algorithm.toLowerCase()}`;
  return [mode, '-s', String(c.otp.period), '-N', `@${c.timeSeconds}`, ...digits, hex];
}

async function oathtoolCodes(cases: readonly Case[], concurrency = 4): Promise<string[]> {
  const out: string[] = new Array<string>(cases.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < cases.length) {
      const index = next++;
      const { stdout } = await run('oathtool', oathtoolArgs(cases[index]!));
      out[index] = stdout.trim();
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

function uriFor(c: Case): string {
  const base = `otpauth://${c.otp.type}/Oracle:case?secret=${encodeBase32(c.secret)}`;
  const extra =
    c.otp.type === 'hotp'
      ? `counter=${c.otp.counter}`
      : c.otp.type === 'totp'
        ? `period=${c.otp.period}`
        : '';
  return `${base}&algorithm=${c.otp.algorithm}&digits=${c.otp.digits}&${extra}`;
}

function captureIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => 0,
    env: {},
  };
}

describe('oathtool agrees', () => {
  it(`on ${CASES.length} random TOTP/HOTP cases, via generateCode and latchkey code`, async () => {
    expect(CASES.filter((c) => c.otp.type === 'hotp').length).toBeGreaterThan(400);
    expect(CASES.filter((c) => c.otp.type === 'totp').length).toBeGreaterThan(400);
    expect(CASES.filter(isShort).length).toBeGreaterThan(300);
    const expected = await oathtoolCodes(CASES);
    const mismatches: string[] = [];
    for (const [i, c] of CASES.entries()) {
      const ours = generateCode(c.secret, c.otp, { timeMs: c.timeSeconds * 1000 });
      const io = captureIo();
      const exit = await runCli(['code', uriFor(c), '--time', String(c.timeSeconds)], io);
      // A secret under 80 bits still gives the code, plus one warning line on stderr.
      const err = io.err.join('');
      const errOk = isShort(c)
        ? /^warning: This key is only \d+ bits long\..*\n$/.test(err)
        : err === '';
      if (ours !== expected[i] || exit !== 0 || io.out.join('') !== `${expected[i]}\n` || !errOk) {
        mismatches.push(
          `${i}: ${JSON.stringify(c.otp)} ${c.secret.length} B t=${c.timeSeconds} oathtool=${expected[i]} ours=${ours} stderr=${err}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
  });
});

/**
 * oathtool stops at 8 digits and knows no Steam: Python's hmac/hashlib (a second independent
 * HMAC) covers 9/10-digit codes and Steam Guard (algorithm as described in
 * shared/corpora/steam/steam_guard_vectors.json) on random cases, in one process.
 */
const PYTHON_ORACLE = String.raw`
import hashlib, hmac, json, sys
ALPHABET = "23456789BCDFGHJKMNPQRTVWXY"
out = []
for c in json.load(sys.stdin):
    key = bytes.fromhex(c["hex"])
    mac = hmac.new(key, c["counter"].to_bytes(8, "big"), getattr(hashlib, c["hash"])).digest()
    o = mac[-1] & 15
    v = int.from_bytes(mac[o:o + 4], "big") & 0x7FFFFFFF
    if c["steam"]:
        s = ""
        for _ in range(5):
            s += ALPHABET[v % 26]
            v //= 26
        out.append(s)
    else:
        out.append(str(v % 10 ** c["digits"]).zfill(c["digits"]))
print(json.dumps(out))
`;

const wideArb: fc.Arbitrary<Case> = fc
  .record({
    secret: secretArb,
    algorithm: fc.constantFrom(...algorithms),
    digits: fc.constantFrom(9, 10),
    steam: fc.boolean(),
    timeSeconds: fc.integer({ min: 0, max: 2 ** 35 }),
  })
  .map(({ secret, algorithm, digits, steam, timeSeconds }) => ({
    secret,
    otp: steam
      ? ({ type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 } as const)
      : ({ type: 'totp', algorithm, digits, period: 30 } as const),
    timeSeconds,
  }));

describe('Python hmac agrees', () => {
  it('on 600 random 9/10-digit TOTP and Steam cases', async () => {
    const cases = fc.sample(wideArb, { numRuns: 600, seed: 4226 });
    expect(cases.filter((c) => c.otp.type === 'steam').length).toBeGreaterThan(200);
    expect(cases.filter(isShort).length).toBeGreaterThan(100);
    const input = cases.map((c) => ({
      hex: Buffer.from(c.secret).toString('hex'),
      counter: Math.floor(c.timeSeconds / 30),
      hash: c.otp.algorithm.toLowerCase(),
      digits: c.otp.digits,
      steam: c.otp.type === 'steam',
    }));
    const expected = await new Promise<string[]>((resolvePromise, reject) => {
      const child = execFile('python3', ['-c', PYTHON_ORACLE], (error, stdout) =>
        error ? reject(error) : resolvePromise(JSON.parse(stdout) as string[]),
      );
      child.stdin!.end(JSON.stringify(input));
    });
    const ours = cases.map((c) => generateCode(c.secret, c.otp, { timeMs: c.timeSeconds * 1000 }));
    expect(ours).toEqual(expected);
  });
});
