import { expect } from 'vitest';
import { encodeBase32 } from '../../../src/core/common/encoding/base32';
import type { AccountDraft } from '../../../src/core/common/model';
import { LatchkeyError, type ErrorCode } from '../../../src/shared/errors/index';

/** Runs `fn` and returns the LatchkeyError it throws; fails if it returns or throws anything else. */
export function latchkeyErrorOf(fn: () => unknown): LatchkeyError {
  let caught: unknown = undefined;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a LatchkeyError').toBeInstanceOf(LatchkeyError);
  return caught as LatchkeyError;
}

export function expectUriError(fn: () => unknown, code: ErrorCode, field?: string): void {
  const error = latchkeyErrorOf(fn);
  expect(error.code).toBe(code);
  if (field !== undefined) expect(error.details).toEqual({ field });
}

/** The draft in the flat vocabulary of the corpora's expectation files. */
export function flat(draft: AccountDraft): Record<string, string | number> {
  const { otp } = draft;
  const out: Record<string, string | number> = {
    type: otp.type,
    issuer: draft.issuer,
    name: draft.name,
    secret: encodeBase32(draft.secret),
    secret_hex: Buffer.from(draft.secret).toString('hex'),
    algorithm: otp.algorithm,
    digits: otp.digits,
  };
  if (otp.type === 'hotp') out.counter = otp.counter;
  else out.period = otp.period;
  return out;
}

/** A 16-byte secret used where a corpus case's own secret is refused (see the exceptions). */
export const STAND_IN_SECRET = 'AAAQEAYEAUDAOCAJBIFQYDIOB4';

/** Replaces (or adds) the `secret` parameter of a link. */
export function withSecret(uri: string, secret: string): string {
  if (/[?&]secret=/i.test(uri)) return uri.replace(/([?&]secret=)[^&#]*/i, `$1${secret}`);
  return `${uri}${uri.includes('?') ? '&' : '?'}secret=${secret}`;
}
