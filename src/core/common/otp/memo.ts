import type { OtpParams } from '../../../shared/account';

/**
 * Remembers the last few codes computed per key, so a list refreshed every second computes a
 * code once per period instead of once per tick (a TOTP code only changes at a window boundary).
 *
 * Entries are keyed by the key array itself (a WeakMap: they go when the key is collected) and
 * checked against the params and a 32-bit FNV-1a fingerprint of the key's bytes, so a key
 * edited in place or used with other params is recomputed rather than served stale. No copy of
 * the key is kept here. Only codes are stored, and at most MAX_CODES per key.
 */
const MAX_CODES = 4;

export interface CodeMemo {
  /**
   * A fixed number in [0, 1) per key. codeViewFor warms the next code when this share of the
   * period remains, so a long list's next codes are computed spread over the period instead of
   * all in the tick where they become due.
   */
  readonly spread: number;
  /** The remembered code for `counter`, or undefined. */
  get(counter: number): string | undefined;
  set(counter: number, code: string): void;
}

class Entry implements CodeMemo {
  private readonly codes = new Map<number, string>();
  readonly spread: number;

  constructor(
    readonly fingerprint: number,
    readonly otp: OtpParams,
  ) {
    this.spread = fingerprint / 2 ** 32;
  }

  get(counter: number): string | undefined {
    return this.codes.get(counter);
  }

  set(counter: number, code: string): void {
    // Maps iterate in insertion order: drop the oldest.
    if (this.codes.size >= MAX_CODES) this.codes.delete(this.codes.keys().next().value!);
    this.codes.set(counter, code);
  }
}

const entries = new WeakMap<Uint8Array, Entry>();

function fingerprint(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return (hash ^ bytes.length) >>> 0;
}

const sameParams = (a: OtpParams, b: OtpParams): boolean =>
  a === b || (a.type === b.type && a.algorithm === b.algorithm && a.digits === b.digits);

/** The memo for this key and params (a fresh one if the key's bytes or the params changed). */
export function codeMemo(secret: Uint8Array, otp: OtpParams): CodeMemo {
  const print = fingerprint(secret);
  const entry = entries.get(secret);
  if (entry !== undefined && entry.fingerprint === print && sameParams(entry.otp, otp))
    return entry;
  const fresh = new Entry(print, otp);
  entries.set(secret, fresh);
  return fresh;
}
