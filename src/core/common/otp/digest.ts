import type { OtpParams } from '../../../shared/account';
import { STEAM_ALPHABET } from './generate';

/**
 * The HOTP arithmetic after the HMAC (RFC 4226 §5.3), for callers that compute the HMAC
 * themselves: main's prepared code path (src/node/services/prepared-codes.ts) uses node:crypto
 * directly. `otpauth` stays the reference: tests/unit/otp/prepared-codes.test.ts checks every
 * code against it, the RFC vectors and oathtool.
 */

/** The 8-byte big-endian counter the HMAC is taken over (RFC 4226 §5.2). */
export function counterMessage(counter: number): Uint8Array {
  const message = new Uint8Array(8);
  // Counters are safe integers (< 2^53): split at 2^32 without 64-bit arithmetic.
  let high = Math.floor(counter / 2 ** 32);
  let low = counter >>> 0;
  for (let i = 7; i >= 4; i--) {
    message[i] = low & 0xff;
    low >>>= 8;
  }
  for (let i = 3; i >= 0; i--) {
    message[i] = high & 0xff;
    high >>>= 8;
  }
  return message;
}

/** Dynamic truncation to 31 bits ("Snum", RFC 4226 §5.3). */
export function truncate(digest: Uint8Array): number {
  const offset = digest[digest.length - 1]! & 0x0f;
  return (
    ((digest[offset]! & 0x7f) << 24) |
    (digest[offset + 1]! << 16) |
    (digest[offset + 2]! << 8) |
    digest[offset + 3]!
  );
}

/** 10^digits for every allowed digit count (6 to 10), looked up on the hot path. */
const POWERS_OF_TEN = Array.from({ length: 11 }, (_, i) => 10 ** i);

/** The code a digest gives: Snum mod 10^digits zero-padded, or Steam's five characters. */
export function codeFromDigest(digest: Uint8Array, otp: OtpParams): string {
  let value = truncate(digest);
  if (otp.type === 'steam') {
    let code = '';
    for (let i = 0; i < 5; i++) {
      code += STEAM_ALPHABET[value % STEAM_ALPHABET.length];
      value = Math.floor(value / STEAM_ALPHABET.length);
    }
    return code;
  }
  return (value % POWERS_OF_TEN[otp.digits]!).toString().padStart(otp.digits, '0');
}
