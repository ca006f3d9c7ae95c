import { createHmac } from 'node:crypto';
import type { CodeView, OtpParams } from '../../shared/account';
import { codeFromDigest, counterMessage, viewAt } from '../../core/common/otp';

/**
 * Codes for the unlocked vault at close to the bare HMAC cost. Everything about an account but
 * its key is worked out once per unlock (the hash name, a per-account warm-up moment, the last
 * few codes) and looked up by the vault's own key array; the key itself is never copied, so the
 * vault's wipe on lock leaves nothing behind here, and `forget()` (on lock) drops the codes.
 *
 * Why not otpauth on this path: `HOTP.generate` takes a `Secret`, which copies the key on every
 * call, and re-validates its options, which doubles the cost of a 10,000-account tick. The
 * arithmetic after the HMAC is the pure core's (codeFromDigest); otpauth stays the reference,
 * tests/unit/otp/prepared-codes.test.ts checks these codes against it, the RFC vectors and
 * oathtool.
 */
interface Prepared {
  readonly otp: OtpParams;
  readonly hash: 'sha1' | 'sha256' | 'sha512';
  readonly spread: number;
  /** counter → code, at most MAX_CODES, oldest dropped first. */
  readonly codes: Map<number, string>;
}

const MAX_CODES = 4;
const HASH = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' } as const;

/** A code depends on the counter, the key and these; the period only picks the counter. */
const sameParams = (a: OtpParams, b: OtpParams): boolean =>
  a === b || (a.type === b.type && a.algorithm === b.algorithm && a.digits === b.digits);

/** A fixed moment in [0, 1) per account id (32-bit FNV-1a), so warm-ups spread evenly. */
function spreadOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) / 2 ** 32;
}

export class PreparedCodes {
  #prepared = new WeakMap<Uint8Array, Prepared>();

  view(account: { id: string; otp: OtpParams; secret: Uint8Array }, nowMs: number): CodeView {
    const { secret, otp } = account;
    let entry = this.#prepared.get(secret);
    if (entry === undefined || !sameParams(entry.otp, otp)) {
      entry = { otp, hash: HASH[otp.algorithm], spread: spreadOf(account.id), codes: new Map() };
      this.#prepared.set(secret, entry);
    }
    const prepared = entry;
    const code = (counter: number): string => {
      let known = prepared.codes.get(counter);
      if (known === undefined) {
        if (!Number.isSafeInteger(counter) || counter < 0) {
          throw new RangeError('OTP counter must be a non-negative safe integer');
        }
        const digest = createHmac(prepared.hash, secret).update(counterMessage(counter)).digest();
        known = codeFromDigest(digest, otp);
        if (prepared.codes.size >= MAX_CODES) {
          prepared.codes.delete(prepared.codes.keys().next().value!);
        }
        prepared.codes.set(counter, known);
      }
      return known;
    };
    return viewAt(account.id, otp, nowMs, code, prepared.spread);
  }

  /** Drops every remembered code (the vault wipes the keys themselves). */
  forget(): void {
    this.#prepared = new WeakMap();
  }
}
