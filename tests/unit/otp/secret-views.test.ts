import { describe, expect, it } from 'vitest';
import { generateCode } from '../../../src/core/common/otp';

// RFC 6238 Appendix B, SHA1 seed "12345678901234567890", T = 59 s → 94287082 (8 digits).
describe('secrets held in views of larger buffers', () => {
  const otp = { type: 'totp', algorithm: 'SHA1', digits: 8, period: 30 } as const;

  it('a pooled Node Buffer gives the same code as a plain Uint8Array', () => {
    // Small Buffer.from() allocations share one pool: only the view's own bytes are the key.
    const pooled = Buffer.from('12345678901234567890');
    expect(pooled.byteOffset !== 0 || pooled.buffer.byteLength !== 20).toBe(true);
    expect(generateCode(pooled, otp, { timeMs: 59_000 })).toBe('94287082');
  });

  it('a subarray of a larger array uses only its own bytes', () => {
    const big = new Uint8Array(64).fill(0xaa);
    big.set(new TextEncoder().encode('12345678901234567890'), 7);
    expect(generateCode(big.subarray(7, 27), otp, { timeMs: 59_000 })).toBe('94287082');
  });
});
