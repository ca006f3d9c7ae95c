import { describe, expect, it } from 'vitest';
import { codeViewFor, generateCode } from '../../../src/core/common/otp/index';
import type { OtpParams } from '../../../src/shared/account';
import { hexBytes, readCorpus } from './corpora';

// RFC 6238 Appendix B SHA1 seed and codes (rfc/rfc6238_totp_vectors.json).
const seed = hexBytes(
  readCorpus<{ seeds: { SHA1: { hex: string } } }>('rfc/rfc6238_totp_vectors.json').seeds.SHA1.hex,
);
const totp8: OtpParams = { type: 'totp', algorithm: 'SHA1', digits: 8, period: 30 };
const account = { id: 'acc-1', otp: totp8, secret: seed };

describe('codeViewFor', () => {
  it('gives the code with the exact period window (RFC 6238 t=59 -> 94287082)', () => {
    const view = codeViewFor(account, 40_000);
    expect(view).toEqual({
      id: 'acc-1',
      code: '94287082',
      period: 30,
      validFrom: 30_000,
      validUntil: 60_000,
    });
  });

  it('adds the next code when the current one expires within 5 s by default', () => {
    const view = codeViewFor(account, 55_000);
    expect(view.code).toBe('94287082');
    expect(view.next).toEqual({
      code: generateCode(seed, totp8, { timeMs: 60_000 }),
      validFrom: 60_000,
      validUntil: 90_000,
    });
    expect(codeViewFor(account, 54_999).next).toBeUndefined();
  });

  it('honours nextWithinMs', () => {
    expect(codeViewFor(account, 40_000, { nextWithinMs: 20_000 }).next?.validFrom).toBe(60_000);
    expect(codeViewFor(account, 59_999, { nextWithinMs: 0 }).next).toBeUndefined();
  });

  it('switches exactly at the boundary', () => {
    expect(codeViewFor(account, 59_999).validUntil).toBe(60_000);
    const at = codeViewFor(account, 60_000);
    expect(at.validFrom).toBe(60_000);
    expect(at.code).toBe(codeViewFor(account, 59_999).next?.code);
  });

  it('handles odd periods and far-future times (RFC 6238 t=20000000000 -> 65353130)', () => {
    expect(codeViewFor(account, 20_000_000_000_000).code).toBe('65353130');
    const odd = codeViewFor({ ...account, otp: { ...totp8, period: 7 } }, 1_000_000);
    expect(odd.validFrom).toBe(994_000);
    expect(odd.validUntil).toBe(1_001_000);
    expect(odd.period).toBe(7);
  });

  it('gives HOTP codes for the stored counter with no expiry (RFC 4226 counter 1 -> 287082)', () => {
    const view = codeViewFor(
      { id: 'h', otp: { type: 'hotp', algorithm: 'SHA1', digits: 6, counter: 1 }, secret: seed },
      123_456,
    );
    expect(view).toEqual({
      id: 'h',
      code: '287082',
      period: null,
      validFrom: 123_456,
      validUntil: null,
    });
  });

  it('gives Steam codes on 30 s windows (KeePassXC vector 1511200518 -> FR8RV)', () => {
    const steamSecret = hexBytes('f6c241d850caa70b3c92045048afa39ce051266a');
    const view = codeViewFor(
      {
        id: 's',
        otp: { type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 },
        secret: steamSecret,
      },
      1_511_200_518_000,
    );
    expect(view.code).toBe('FR8RV');
    expect(view.validFrom).toBe(1_511_200_500_000);
    expect(view.validUntil).toBe(1_511_200_530_000);
  });
});
