import { HOTP, Secret } from 'otpauth';
import type { CodeView, HashAlgorithm, OtpParams } from '../../../shared/account';
import { codeMemo } from './memo';

/**
 * One-time codes for every supported account kind:
 * - HOTP, RFC 4226 §5.3: HMAC over the 8-byte big-endian counter, dynamic truncation to
 *   31 bits, modulo 10^digits, left-padded with zeros.
 * - TOTP, RFC 6238 §4: HOTP with counter floor((t - T0) / X), T0 = 0, X = period in seconds.
 * - Steam Guard: the TOTP SHA1/30 s counter, the same 31-bit truncation, rendered as five
 *   characters of the alphabet below, least significant first.
 *
 * The HMAC comes from the `otpauth` package, which resolves to node:crypto in Node and to its
 * own bundled HMAC in the page, so this module itself imports nothing platform-specific.
 */

/** Steam Guard's 26-character alphabet (no vowels, no look-alike digits). */
export const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';
const STEAM_LENGTH = 5;

/** When codeViewFor attaches the following code, by default. */
export const DEFAULT_NEXT_WITHIN_MS = 5000;

export interface CodeTime {
  /** Unix milliseconds; used by TOTP and Steam. */
  readonly timeMs: number;
  /** Overrides the HOTP counter stored in the params. */
  readonly counter?: number;
}

/**
 * The 31-bit dynamically truncated value (RFC 4226 §5.3 "Snum"). `otpauth` computes
 * Snum mod 10^digits; with 10 digits the modulus exceeds 2^31, so it returns Snum unchanged.
 */
function truncatedValue(secret: Secret, algorithm: HashAlgorithm, counter: number): number {
  return Number(HOTP.generate({ secret, algorithm, digits: 10, counter }));
}

function assertCounter(counter: number): void {
  if (!Number.isSafeInteger(counter) || counter < 0) {
    throw new RangeError('OTP counter must be a non-negative safe integer');
  }
}

/** The TOTP time step that contains `timeMs` (RFC 6238 §4.2, T0 = 0). */
export function timeStep(timeMs: number, periodSeconds: number): number {
  return Math.floor(timeMs / (periodSeconds * 1000));
}

function steamCode(secret: Secret, counter: number): string {
  let value = truncatedValue(secret, 'SHA1', counter);
  let code = '';
  for (let i = 0; i < STEAM_LENGTH; i++) {
    code += STEAM_ALPHABET[value % STEAM_ALPHABET.length];
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return code;
}

function codeForCounter(secret: Secret, otp: OtpParams, counter: number): string {
  assertCounter(counter);
  if (otp.type === 'steam') return steamCode(secret, counter);
  return HOTP.generate({ secret, algorithm: otp.algorithm, digits: otp.digits, counter });
}

function toSecret(bytes: Uint8Array): Secret {
  // Copy into a fresh array: a Node Buffer's `.slice()` is a view whose `.buffer` is the shared
  // allocation pool, which would silently become the key.
  return new Secret({ buffer: Uint8Array.from(bytes).buffer });
}

/**
 * The code for `otp` at `at`. TOTP and Steam use `at.timeMs`; HOTP uses `at.counter` when
 * given, otherwise the counter stored in the params. Throws RangeError for negative times or
 * counters (a programming error: parsed params never hold one).
 */
export function generateCode(
  secret: Uint8Array,
  otp: OtpParams,
  at: { timeMs: number; counter?: number },
): string {
  const key = toSecret(secret);
  const counter =
    otp.type === 'hotp' ? (at.counter ?? otp.counter) : timeStep(at.timeMs, otp.period);
  return codeForCounter(key, otp, counter);
}

/**
 * The code an account shows at `nowMs`, with the exact window it is valid for. For TOTP and
 * Steam the window is the period boundary (multiples of the period since the Unix epoch), and
 * `next` is attached when the current code expires within `nextWithinMs` (default 5 s), so the
 * page can show it without another round trip. HOTP codes have no expiry: `period` and
 * `validUntil` are null and the code is the one for the stored counter.
 *
 * Codes are memoised per key (see memo.ts), so refreshing a long list every second costs one
 * HMAC per account per period; the result is always what `generateCode` gives.
 */
export function codeViewFor(
  account: { id: string; otp: OtpParams; secret: Uint8Array },
  nowMs: number,
  opts: { nextWithinMs?: number } = {},
): CodeView {
  const { otp, secret } = account;
  const memo = codeMemo(secret, otp);
  const code = (counter: number): string => {
    let known = memo.get(counter);
    if (known === undefined) {
      known = codeForCounter(toSecret(secret), otp, counter);
      memo.set(counter, known);
    }
    return known;
  };
  return viewAt(
    account.id,
    otp,
    nowMs,
    { code, warm: code, spread: memo.spread },
    opts.nextWithinMs,
  );
}

/** Where viewAt gets codes from; the caller memoises them. */
export interface CodeSource {
  code(counter: number): string;
  /** Computes (and remembers) a code ahead of need, or declines to. */
  warm(counter: number): void;
  /** In [0, 1): the share of the period left at which the next code is warmed. */
  readonly spread: number;
}

/**
 * codeViewFor's window logic with the codes supplied by the caller: one definition for the
 * otpauth path above and main's prepared path (src/node/services/prepared-codes.ts).
 */
export function viewAt(
  id: string,
  otp: OtpParams,
  nowMs: number,
  source: CodeSource,
  nextWithinMs = DEFAULT_NEXT_WITHIN_MS,
): CodeView {
  if (otp.type === 'hotp') {
    return {
      id,
      code: source.code(otp.counter),
      period: null,
      validFrom: nowMs,
      validUntil: null,
    };
  }
  const periodMs = otp.period * 1000;
  const step = timeStep(nowMs, otp.period);
  const validFrom = step * periodMs;
  const validUntil = validFrom + periodMs;
  const code = source.code(step);
  const remainingMs = validUntil - nowMs;
  if (remainingMs > nextWithinMs) {
    // Warm the memo ahead of time at a per-key moment, so a long list's next codes are computed
    // spread over the period instead of all in the tick where they become due.
    if (remainingMs <= source.spread * periodMs) source.warm(step + 1);
    return { id, code, period: otp.period, validFrom, validUntil };
  }
  return {
    id,
    code,
    period: otp.period,
    validFrom,
    validUntil,
    next: {
      code: source.code(step + 1),
      validFrom: validUntil,
      validUntil: validUntil + periodMs,
    },
  };
}
