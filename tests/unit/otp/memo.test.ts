import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeViewFor, generateCode } from '../../../src/core/common/otp/index';
import type { OtpParams } from '../../../src/shared/account';

const otpArb: fc.Arbitrary<OtpParams> = fc.oneof(
  fc.record({
    type: fc.constant('totp' as const),
    algorithm: fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const),
    digits: fc.integer({ min: 6, max: 10 }),
    period: fc.constantFrom(1, 15, 30, 60, 3600),
  }),
  fc.record({
    type: fc.constant('hotp' as const),
    algorithm: fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const),
    digits: fc.integer({ min: 6, max: 10 }),
    counter: fc.nat(100),
  }),
  fc.constant({ type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 } as const),
);

describe('codeViewFor memo', () => {
  it('always shows what generateCode gives, while keys are edited in place and params change', () => {
    // One shared key array, re-used across steps, the way a careless caller might.
    const secret = new Uint8Array(20);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            otp: otpArb,
            timeMs: fc.integer({ min: 0, max: 4_000_000_000_000 }),
            poke: fc.option(fc.tuple(fc.nat(19), fc.integer({ min: 0, max: 255 })), {
              nil: undefined,
            }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        (steps) => {
          for (const { otp, timeMs, poke } of steps) {
            if (poke) secret[poke[0]] = poke[1];
            const view = codeViewFor({ id: 'x', otp, secret }, timeMs, {
              nextWithinMs: 30_000_000,
            });
            expect(view.code).toBe(generateCode(secret, otp, { timeMs }));
            if (view.next) {
              expect(view.next.code).toBe(
                generateCode(secret, otp, { timeMs: view.next.validFrom }),
              );
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
