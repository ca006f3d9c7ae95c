import { hash } from 'node:crypto';

/**
 * An HMAC key prepared once (RFC 2104 §2): the key, hashed first if longer than the hash's block,
 * XORed with ipad and opad into one buffer, so each code is two one-shot hashes over that buffer
 * instead of a new node:crypto Hmac object (which imports the key again on every call and cost
 * a 10,000-account tick about a seventh more). The buffer is key material: `wipe()` zeroes it,
 * and PreparedCodes wipes every key it made when the vault locks.
 * tests/unit/otp/prepared-codes.test.ts checks the codes against otpauth, the RFC 4226/6238
 * vectors and oathtool, and tests/unit/otp/hmac-key.test.ts against createHmac for every key
 * length around the block size.
 */
export type HmacHash = 'sha1' | 'sha256' | 'sha512';

/** Block and output sizes in bytes (FIPS 180-4 §1). */
const BLOCK_BYTES: Record<HmacHash, number> = { sha1: 64, sha256: 64, sha512: 128 };
const DIGEST_BYTES: Record<HmacHash, number> = { sha1: 20, sha256: 32, sha512: 64 };
const IPAD = 0x36;
const OPAD = 0x5c;

export class HmacKey {
  readonly #hash: HmacHash;
  readonly #block: number;
  /** K⊕ipad ‖ 8-byte counter ‖ K⊕opad ‖ inner digest: both hash inputs, contiguous. */
  readonly #state: Buffer;
  readonly #inner: Buffer;
  readonly #outer: Buffer;

  constructor(hashName: HmacHash, key: Uint8Array) {
    const block = BLOCK_BYTES[hashName];
    const k = key.length > block ? hash(hashName, key, 'buffer') : key;
    const state = Buffer.allocUnsafe(2 * block + 8 + DIGEST_BYTES[hashName]);
    state.fill(IPAD, 0, block);
    state.fill(OPAD, block + 8, 2 * block + 8);
    for (let i = 0; i < k.length; i++) {
      state[i]! ^= k[i]!;
      state[block + 8 + i]! ^= k[i]!;
    }
    if (k !== key) k.fill(0);
    this.#hash = hashName;
    this.#block = block;
    this.#state = state;
    this.#inner = state.subarray(0, block + 8);
    this.#outer = state.subarray(block + 8);
  }

  /** HMAC of the counter as 8 big-endian bytes (RFC 4226 §5.2). */
  counterDigest(counter: number): Buffer {
    const state = this.#state;
    const at = this.#block;
    // Counters are safe integers (< 2^53): split at 2^32 without 64-bit arithmetic.
    state.writeUInt32BE(Math.floor(counter / 2 ** 32), at);
    state.writeUInt32BE(counter >>> 0, at + 4);
    state.set(hash(this.#hash, this.#inner, 'buffer'), 2 * at + 8);
    return hash(this.#hash, this.#outer, 'buffer');
  }

  wipe(): void {
    this.#state.fill(0);
  }
}
