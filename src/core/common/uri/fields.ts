import { HASH_ALGORITHMS, OTP_LIMITS, type HashAlgorithm } from '../../../shared/account';
import { LatchkeyError, type ErrorCode } from '../../../shared/errors/index';
import type { UriErrorCode } from '../../../shared/errors/uri';
import { decodeBase32, normalizeBase32 } from '../encoding/base32';

/**
 * Field validation shared by the otpauth:// parser and manual entry, so both reject the same
 * values with the same codes and name the field at fault (`details.field`) for the UI.
 */

export type UriField =
  'secret' | 'issuer' | 'name' | 'digits' | 'period' | 'counter' | 'algorithm' | 'type' | 'uri';

export function uriError(code: UriErrorCode & ErrorCode, field: UriField): LatchkeyError {
  return new LatchkeyError(code, { details: { field } });
}

/**
 * Decodes a base32 secret as people and services write it; throws a `uri.secret-*` error.
 * Short secrets are accepted (see `OTP_LIMITS.minSecretBytes`); callers add `secretWarnings`.
 */
export function decodeSecret(text: string | undefined): Uint8Array {
  if (text === undefined || normalizeBase32(text) === '')
    throw uriError('uri.secret-missing', 'secret');
  const bytes = decodeBase32(text);
  if (bytes === null) throw uriError('uri.secret-invalid', 'secret');
  // Unreachable for base32 (a non-empty valid text holds at least one byte); kept as a guard.
  if (bytes.length < OTP_LIMITS.minSecretBytes) throw uriError('uri.secret-invalid', 'secret');
  if (bytes.length > OTP_LIMITS.maxSecretBytes) throw uriError('uri.secret-too-long', 'secret');
  return bytes;
}

/**
 * Accepts the spellings seen in the wild: any case, `SHA-256`, `sha_256`, `HmacSHA256`,
 * `HMAC-SHA-256`. Anything else (SHA224, SHA384, SHA3-*, MD5) is unsupported.
 */
export function parseAlgorithm(text: string): HashAlgorithm {
  const key = text
    .trim()
    .toUpperCase()
    .replace(/^HMAC[-_]?/, '')
    .replace(/[-_]/g, '');
  const found = HASH_ALGORITHMS.find((a) => a === key);
  if (!found) throw uriError('uri.unsupported-algorithm', 'algorithm');
  return found;
}

const WHOLE = /^\d{1,20}$/;

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return WHOLE.test(trimmed) ? Number(trimmed) : null;
}

export function checkDigits(value: number): number {
  if (!Number.isInteger(value) || value < OTP_LIMITS.minDigits || value > OTP_LIMITS.maxDigits) {
    throw uriError('uri.digits-out-of-range', 'digits');
  }
  return value;
}

export function checkPeriod(value: number): number {
  if (!Number.isInteger(value) || value < OTP_LIMITS.minPeriod || value > OTP_LIMITS.maxPeriod) {
    throw uriError('uri.period-out-of-range', 'period');
  }
  return value;
}

/** HOTP counters are kept as JS numbers, so they must be safe integers (< 2^53). */
export function checkCounter(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw uriError('uri.counter-invalid', 'counter');
  // -0 passes the checks above; store +0 so the draft equals its own link read back.
  return value === 0 ? 0 : value;
}

export const parseDigits = (text: string): number => checkDigits(wholeNumber(text) ?? Number.NaN);
export const parsePeriod = (text: string): number => checkPeriod(wholeNumber(text) ?? Number.NaN);
export const parseCounter = (text: string): number => checkCounter(wholeNumber(text) ?? Number.NaN);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces unpaired UTF-16 surrogates with U+FFFD (String.prototype.toWellFormed, ES2024). */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Normalises an issuer or account name: trims surrounding white space, replaces unpaired
 * UTF-16 surrogates (which cannot be percent-encoded) with U+FFFD, and enforces the length cap.
 */
export function cleanLabel(text: string, field: 'issuer' | 'name'): string {
  const clean = toWellFormed(text).trim();
  if (clean.length > OTP_LIMITS.maxLabelLength) throw uriError('uri.label-too-long', field);
  return clean;
}
