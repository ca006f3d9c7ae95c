import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeViewFor } from '../../../src/core/common/otp/index';
import { PreparedCodes } from '../../../src/node/services/prepared-codes';
import type { HashAlgorithm, OtpParams } from '../../../src/shared/account';
import { hexBytes, readCorpus } from './corpora';

/**
 * Main's prepared code path (node:crypto HMAC + the core's truncation) against otpauth, which
 * stays the reference implementation: the RFC vectors, random accounts and times compared view
 * for view with codeViewFor (otpauth inside), and oathtool as an independent oracle.
 */
const algorithms: readonly HashAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];
const account = (secret: Uint8Array, otp: OtpParams, id = 'a') => ({ id, otp, secret });

// rfc/rfc4226_hotp_vectors.json — RFC 4226 Appendix D.
const rfc4226 = readCorpus<{
  secret_hex: string;
  vectors: { counter: number; hotp_6: string }[];
}>('rfc/rfc4226_hotp_vectors.json');
// rfc/rfc6238_totp_vectors.json — RFC 6238 Appendix B, per-algorithm seeds (errata 2866).
const rfc6238 = readCorpus<{
  seeds: Record<HashAlgorithm, { hex: string }>;
  vectors: { unix_time: number; algorithm: HashAlgorithm; totp_8: string }[];
}>('rfc/rfc6238_totp_vectors.json');

describe('prepared codes', () => {
  it('give the RFC 4226 and RFC 6238 vectors', () => {
    const codes = new PreparedCodes();
    const secret = hexBytes(rfc4226.secret_hex);
    for (const v of rfc4226.vectors) {
      const otp: OtpParams = { type: 'hotp', algorithm: 'SHA1', digits: 6, counter: v.counter };
      expect(codes.view(account(secret, otp), 0).code).toBe(v.hotp_6);
    }
    for (const v of rfc6238.vectors) {
      const seed = hexBytes(rfc6238.seeds[v.algorithm].hex);
      const otp: OtpParams = { type: 'totp', algorithm: v.algorithm, digits: 8, period: 30 };
      expect(codes.view(account(seed, otp), v.unix_time * 1000).code).toBe(v.totp_8);
    }
  });

  it('equal otpauth’s views (code, window, next) for random accounts and times', () => {
    const otpArb: fc.Arbitrary<OtpParams> = fc.oneof(
      fc
        .record({
          algorithm: fc.constantFrom(...algorithms),
          digits: fc.integer({ min: 6, max: 10 }),
          period: fc.constantFrom(15, 30, 60, 90),
        })
        .map((p) => ({ type: 'totp', ...p }) as const),
      fc
        .record({
          algorithm: fc.constantFrom(...algorithms),
          digits: fc.integer({ min: 6, max: 10 }),
          counter: fc.oneof(fc.nat(1000), fc.nat(2 ** 40), fc.constant(2 ** 53 - 2)),
        })
        .map((p) => ({ type: 'hotp', ...p }) as const),
      fc.constant({ type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 } as const),
    );
    const codes = new PreparedCodes();
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 128 }),
        otpArb,
        fc.array(fc.integer({ min: 0, max: 2 ** 42 }), { minLength: 1, maxLength: 5 }),
        (secret, otp, times) => {
          // The same key seen again at later times exercises the remembered codes too.
          for (const t of [...times].sort((x, y) => x - y)) {
            const reference = codeViewFor(account(Uint8Array.from(secret), otp), t);
            expect(codes.view(account(secret, otp), t)).toEqual(reference);
          }
        },
      ),
      { numRuns: 1500, seed: 16 },
    );
  });

  it('follow a change of algorithm or digits on the same key, and forget everything on lock', () => {
    const codes = new PreparedCodes();
    const secret = hexBytes(rfc6238.seeds.SHA1.hex);
    const sha1: OtpParams = { type: 'totp', algorithm: 'SHA1', digits: 8, period: 30 };
    const sha256: OtpParams = { ...sha1, algorithm: 'SHA256' };
    expect(codes.view(account(secret, sha1), 59_000).code).toBe('94287082');
    expect(codes.view(account(secret, sha256), 59_000).code).toBe(
      codeViewFor(account(Uint8Array.from(secret), sha256), 59_000).code,
    );
    codes.forget();
    secret.fill(0); // what locking does to the vault's key
    expect(codes.view(account(secret, sha1), 59_000).code).toBe(
      codeViewFor(account(new Uint8Array(secret.length), sha1), 59_000).code,
    );
  });

  it('agree with oathtool (OATH Toolkit, independent HMAC)', async () => {
    const run = promisify(execFile);
    const cases = fc.sample(
      fc.record({
        secret: fc.uint8Array({ minLength: 1, maxLength: 64 }),
        algorithm: fc.constantFrom(...algorithms),
        digits: fc.integer({ min: 6, max: 8 }),
        period: fc.constantFrom(30, 60),
        time: fc.integer({ min: 0, max: 2 ** 34 }),
      }),
      { numRuns: 60, seed: 1616 },
    );
    const codes = new PreparedCodes();
    for (const c of cases) {
      const hex = Buffer.from(c.secret).toString('hex');
      const mode = `--totp=${c.algorithm.toLowerCase()}`;
      const args = [mode, '-s', String(c.period), '-N', `@${c.time}`, '-d', String(c.digits), hex];
      const { stdout } = await run('oathtool', args);
      const otp: OtpParams = {
        type: 'totp',
        algorithm: c.algorithm,
        digits: c.digits,
        period: c.period,
      };
      expect(codes.view(account(c.secret, otp), c.time * 1000).code).toBe(stdout.trim());
    }
  });
});
