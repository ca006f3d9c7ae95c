import { describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32 } from '../../../src/core/common/encoding/base32';

const hex = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes).toString('hex') : null);

describe('base32', () => {
  // RFC 4648 §10 test vectors.
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('RFC 4648 vector %j <-> %s', (ascii, encoded) => {
    expect(encodeBase32(new TextEncoder().encode(ascii))).toBe(encoded);
    expect(Buffer.from(decodeBase32(encoded)!).toString()).toBe(ascii);
  });

  // dim13/otpauth + digitalduke vectors, transcribed in shared/corpora/google_migration/dim13_digitalduke_vectors.json.
  it.each([
    ['48656c6c6f21deadbeef', 'JBSWY3DPEHPK3PXP'],
    ['48656c6c6f21', 'JBSWY3DPEE'],
    ['deadbeef', '32W353Y'],
  ])('hex %s <-> %s', (h, encoded) => {
    expect(encodeBase32(Buffer.from(h, 'hex'))).toBe(encoded);
    expect(hex(decodeBase32(encoded))).toBe(h);
  });

  it('tolerates lower case, spaces, dashes and padding', () => {
    expect(hex(decodeBase32('jbsw y3dp-ehpk 3pxp'))).toBe('48656c6c6f21deadbeef');
    expect(hex(decodeBase32('MZXW6YQ='))).toBe(hex(decodeBase32('MZXW6YQ')));
  });

  it('rejects characters outside the alphabet and impossible lengths', () => {
    expect(decodeBase32('JBSWY3DP1')).toBeNull();
    expect(decodeBase32('ABC')).toBeNull();
    expect(decodeBase32('JBSWY3DPÉ')).toBeNull();
  });
});
