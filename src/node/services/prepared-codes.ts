import type { CodeView, OtpParams } from '../../shared/account';
import { codeFromDigest, viewAt, type CodeSource } from '../../core/common/otp';
import { HmacKey } from './hmac-key';

/**
 * Codes for the unlocked vault at close to the bare HMAC cost. Everything about an account but
 * its key is worked out once per unlock (the HMAC key's padded blocks, a per-account warm-up
 * moment, the last few codes) and looked up by the vault's own key array; `forget()` (on lock)
 * wipes the padded keys and drops the codes, and the vault wipes the keys themselves.
 *
 * Why not otpauth on this path: `HOTP.generate` takes a `Secret`, which copies the key on every
 * call, and re-validates its options, which doubles the cost of a 10,000-account tick. The
 * arithmetic after the HMAC is the pure core's (codeFromDigest); otpauth stays the reference,
 * tests/unit/otp/prepared-codes.test.ts checks these codes against it, the RFC vectors and
 * oathtool.
 */
const HASH = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' } as const;
/** Codes remembered per account: the current and next window, and two spare. */
const MAX_CODES = 4;

/** A code depends on the counter, the key and these; the period only picks the counter. */
const sameParams = (a: OtpParams, b: OtpParams): boolean =>
  a === b || (a.type === b.type && a.algorithm === b.algorithm && a.digits === b.digits);

/** A fixed moment in [0, 1) per account id (32-bit FNV-1a), so warm-ups spread evenly. */
function spreadOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) / 2 ** 32;
}

/**
 * One account, prepared. A class rather than closures per call: a tick over 10,000 accounts
 * allocates nothing here but the views it returns.
 */
class Prepared implements CodeSource {
  readonly key: HmacKey;
  readonly otp: OtpParams;
  readonly #id: string;
  #spread = -1;
  // Made on the first code, with room for one: a 10,000-account first tick otherwise allocates
  // two default-capacity arrays per account for a single entry each.
  #counters: number[] | null = null;
  #codes: string[] | null = null;
  #oldest = 0;
  /** Set after the first view: warming ahead is for steady ticks (see view()). */
  primed = false;

  constructor(secret: Uint8Array, otp: OtpParams, id: string) {
    this.key = new HmacKey(HASH[otp.algorithm], secret);
    this.otp = otp;
    this.#id = id;
  }

  code(counter: number): string {
    const at = this.#counters === null ? -1 : this.#counters.indexOf(counter);
    if (at >= 0) return this.#codes![at]!;
    if (!Number.isSafeInteger(counter) || counter < 0) {
      throw new RangeError('OTP counter must be a non-negative safe integer');
    }
    const code = codeFromDigest(this.key.counterDigest(counter), this.otp);
    if (this.#counters === null || this.#codes === null) {
      this.#counters = [counter];
      this.#codes = [code];
    } else if (this.#counters.length < MAX_CODES) {
      this.#counters.push(counter);
      this.#codes.push(code);
    } else {
      this.#counters[this.#oldest] = counter;
      this.#codes[this.#oldest] = code;
      this.#oldest = (this.#oldest + 1) % MAX_CODES;
    }
    return code;
  }

  /**
   * Worked out on the first steady view: before it, warm() declines anyway, so viewAt gets 1
   * (warming is always due, and always declined) and the first tick skips 10,000 id hashes.
   */
  get spread(): number {
    if (!this.primed) return 1;
    if (this.#spread < 0) this.#spread = spreadOf(this.#id);
    return this.#spread;
  }

  warm(counter: number): void {
    if (this.primed) this.code(counter);
  }
}

export class PreparedCodes {
  #prepared = new WeakMap<Uint8Array, Prepared>();
  /** Every padded key made since the last lock, to wipe them then (a WeakMap cannot be listed). */
  #keys: HmacKey[] = [];

  view(account: { id: string; otp: OtpParams; secret: Uint8Array }, nowMs: number): CodeView {
    const { secret, otp } = account;
    let prepared = this.#prepared.get(secret);
    if (prepared === undefined || !sameParams(prepared.otp, otp)) {
      prepared?.key.wipe();
      prepared = new Prepared(secret, otp, account.id);
      this.#prepared.set(secret, prepared);
      this.#keys.push(prepared.key);
    }
    // On an account's first view (just after unlocking, when every account is new) warming the
    // next code would double the work of the tick that can least afford it.
    const view = viewAt(account.id, otp, nowMs, prepared);
    prepared.primed = true;
    return view;
  }

  /** Wipes every padded key and drops every remembered code (the vault wipes the keys). */
  forget(): void {
    for (const key of this.#keys) key.wipe();
    this.#keys = [];
    this.#prepared = new WeakMap();
  }
}
