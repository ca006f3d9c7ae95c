import { createHmac } from 'node:crypto';

/**
 * Steam Guard, written here from its public description independently of Latchkey's code:
 * HMAC-SHA1 over the 30-second time step, RFC 4226 dynamic truncation, then five characters
 * taken base-26 from the alphabet 23456789BCDFGHJKMNPQRTVWXY (least significant first).
 * Cross-checked in the unit suite against the vectors in shared/corpora/steam.
 */
export function steamCode(key: Buffer, unixSeconds: number): string {
  const step = Buffer.alloc(8);
  step.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac('sha1', key).update(step).digest();
  const offset = mac[19]! & 0x0f;
  let value = mac.readUInt32BE(offset) & 0x7fffffff;
  const alphabet = '23456789BCDFGHJKMNPQRTVWXY';
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += alphabet[value % alphabet.length];
    value = Math.floor(value / alphabet.length);
  }
  return out;
}
