import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportAegisPlain } from '../../../src/core/node/exporters/aegis';
import { exportUriList } from '../../../src/core/node/exporters/uri-list';
import { importBackup } from '../../../src/core/node/importers';
import type { AccountDraft } from '../../../src/core/common/model';
import type { OtpParams } from '../../../src/shared/account';

const label = fc.string({ maxLength: 40 }).map((s) => s.trim());
const otp: fc.Arbitrary<OtpParams> = fc.oneof(
  fc.record({
    type: fc.constant('totp' as const),
    algorithm: fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const),
    digits: fc.integer({ min: 6, max: 10 }),
    period: fc.integer({ min: 1, max: 3600 }),
  }),
  fc.record({
    type: fc.constant('hotp' as const),
    algorithm: fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const),
    digits: fc.integer({ min: 6, max: 10 }),
    counter: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
  }),
  fc.constant({ type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 } as const),
);
const draft: fc.Arbitrary<AccountDraft> = fc.record({
  issuer: label,
  name: label,
  otp,
  secret: fc.uint8Array({ minLength: 10, maxLength: 128 }),
});

describe('export → import round trips (property)', () => {
  it('Aegis plain vault', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(draft, { maxLength: 8 }), async (drafts) => {
        const result = await importBackup(new TextEncoder().encode(exportAegisPlain(drafts)));
        expect(result.entries.map((e) => (e.ok ? e.draft : e.error.code))).toEqual(drafts);
      }),
      { numRuns: 150 },
    );
  });

  it('otpauth URI list', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(draft, { minLength: 1, maxLength: 8 }), async (drafts) => {
        const result = await importBackup(new TextEncoder().encode(exportUriList(drafts)));
        expect(result.entries.map((e) => (e.ok ? e.draft : e.error.code))).toEqual(drafts);
      }),
      { numRuns: 150 },
    );
  });
});
