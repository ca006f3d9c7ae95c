import type { SecretAccount } from '../../../src/core/common/model';

export const CRASH_PASSWORD = 'crash test password';

/** Save number `seq`: its number in the first note, and a size that varies from save to save. */
export function contentFor(seq: number): SecretAccount[] {
  return Array.from({ length: 1 + (seq % 40) }, (_, i) => ({
    id: `c${i}`,
    issuer: 'Crash',
    name: `n${i}`,
    otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
    secret: new Uint8Array(20).fill((seq + i) & 0xff),
    favorite: false,
    groups: [],
    note: i === 0 ? String(seq) : 'x'.repeat(seq % 200),
    createdAt: 0,
    lastUsedAt: null,
    useCount: 0,
    icon: { kind: 'auto' },
    recoveryCodes: [],
  }));
}
