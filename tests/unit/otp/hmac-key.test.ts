import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HmacKey, type HmacHash } from '../../../src/node/services/hmac-key';
import { hexBytes, readCorpus } from './corpora';

/**
 * The prepared HMAC key (RFC 2104 built from one-shot hashes) against node:crypto's own HMAC,
 * for key lengths on both sides of each hash's block size (64 bytes for SHA-1/SHA-256, 128 for
 * SHA-512; longer keys are hashed first, RFC 2104 §2) and counters beyond 32 bits.
 */
const HASHES: readonly HmacHash[] = ['sha1', 'sha256', 'sha512'];
const KEY_LENGTHS = [1, 10, 20, 32, 63, 64, 65, 127, 128, 129, 300];
const COUNTERS = [
  0,
  1,
  56_666_666,
  2 ** 32 - 1,
  2 ** 32,
  2 ** 40 + 12_345,
  Number.MAX_SAFE_INTEGER,
];

const keyOf = (length: number, salt: number) =>
  Uint8Array.from({ length }, (_, i) => (i * 31 + salt * 17 + 5) & 0xff);

function referenceDigest(hash: HmacHash, key: Uint8Array, counter: number): Buffer {
  const message = Buffer.alloc(8);
  message.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
  message.writeUInt32BE(counter >>> 0, 4);
  return createHmac(hash, key).update(message).digest();
}

// rfc/rfc4226_hotp_vectors.json — RFC 4226 Appendix D gives the HMAC-SHA-1 values too.
const rfc4226 = readCorpus<{
  secret_hex: string;
  vectors: { counter: number; hmac_sha1_hex: string; hotp_6: string }[];
}>('rfc/rfc4226_hotp_vectors.json');

describe('HmacKey', () => {
  it('gives node:crypto’s HMAC for every hash, key length and counter, again and again', () => {
    for (const hash of HASHES) {
      for (const [salt, length] of KEY_LENGTHS.entries()) {
        const key = keyOf(length, salt);
        const prepared = new HmacKey(hash, key);
        for (const counter of [...COUNTERS, ...COUNTERS]) {
          expect(
            prepared.counterDigest(counter).toString('hex'),
            `${hash} ${length} ${counter}`,
          ).toBe(referenceDigest(hash, key, counter).toString('hex'));
        }
      }
    }
  });

  it('gives RFC 4226 Appendix D’s intermediate HMAC-SHA-1 values', () => {
    const key = new HmacKey('sha1', hexBytes(rfc4226.secret_hex));
    expect(rfc4226.vectors).toHaveLength(10);
    for (const v of rfc4226.vectors) {
      expect(key.counterDigest(v.counter).toString('hex')).toBe(v.hmac_sha1_hex);
    }
  });

  it('leaves the caller’s key untouched, and after wipe() no longer gives the key’s HMAC', () => {
    const key = keyOf(200, 3);
    const copy = Uint8Array.from(key);
    const prepared = new HmacKey('sha256', key);
    expect(key).toEqual(copy);
    expect(prepared.counterDigest(7).equals(referenceDigest('sha256', key, 7))).toBe(true);
    prepared.wipe();
    expect(prepared.counterDigest(7).equals(referenceDigest('sha256', key, 7))).toBe(false);
  });
});
