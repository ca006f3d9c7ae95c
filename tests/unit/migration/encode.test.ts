import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HashAlgorithm } from '../../../src/shared/account';
import type { AccountDraft } from '../../../src/core/common/model';
import {
  decodeMigrationUri,
  encodeMigrationExport,
  encodeMigrationPayloads,
} from '../../../src/core/common/migration';
import { corpusJson } from '../importers/corpus';

const secret = (n: number) => Uint8Array.from({ length: 20 }, (_, i) => (i * 7 + n) & 0xff);

function totp(
  n: number,
  extra: Partial<{ algorithm: HashAlgorithm; digits: number }> = {},
): AccountDraft {
  return {
    issuer: `Issuer ${n}`,
    name: `user${n}@example.com`,
    secret: secret(n),
    otp: {
      type: 'totp',
      algorithm: extra.algorithm ?? 'SHA1',
      digits: extra.digits ?? 6,
      period: 30,
    },
  };
}

describe('encodeMigrationPayloads', () => {
  it('round-trips TOTP and HOTP accounts through the decoder, 10 per code with batch fields', () => {
    const drafts: AccountDraft[] = [
      ...Array.from({ length: 22 }, (_, i) =>
        totp(i, {
          algorithm: (['SHA1', 'SHA256', 'SHA512'] as const)[i % 3],
          digits: i % 2 ? 8 : 6,
        }),
      ),
      {
        issuer: '',
        name: 'Cats & Dogs: ¿äÄ',
        secret: secret(99),
        otp: { type: 'hotp', algorithm: 'SHA1', digits: 6, counter: 2 ** 40 },
      },
    ];
    const uris = encodeMigrationPayloads(drafts);
    expect(uris).toHaveLength(3);
    const decoded = uris.map((u) => decodeMigrationUri(u));
    const ids = new Set(decoded.map((d) => d.batch!.id));
    expect(ids.size).toBe(1);
    expect(decoded.map((d) => [d.batch!.index, d.batch!.size, d.accounts.length])).toEqual([
      [0, 3, 10],
      [1, 3, 10],
      [2, 3, 3],
    ]);
    const back = decoded.flatMap((d) => d.accounts);
    // The issuer-less name with a colon comes back split by the label rule, as any app reads it.
    expect(back.slice(0, 22)).toEqual(drafts.slice(0, 22));
    expect(back[22]).toEqual({ ...drafts[22], issuer: 'Cats & Dogs', name: '¿äÄ' });
  });

  it('leaves out Steam and 7-digit accounts and says which', () => {
    const steam: AccountDraft = {
      issuer: 'Steam',
      name: 'me',
      secret: secret(1),
      otp: { type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 },
    };
    const result = encodeMigrationExport([totp(0), steam, totp(2, { digits: 7 })]);
    expect(result.skipped).toEqual([
      { index: 1, label: 'Steam: me', reason: 'steam-not-supported' },
      { index: 2, label: 'Issuer 2: user2@example.com', reason: 'digits-not-supported' },
    ]);
    expect(result.uris.flatMap((u) => decodeMigrationUri(u).accounts)).toEqual([totp(0)]);
  });

  it('nothing exportable yields no links', () => {
    expect(encodeMigrationPayloads([])).toEqual([]);
  });

  it('re-encoding the johncallahan 3-part export reproduces the same accounts', () => {
    const v = corpusJson<{ cases: { id: string; migration_uri: string | null }[] }>(
      'google_migration/johncallahan_otpauth_migration_vectors.json',
    );
    const original = ['string_1_of_3', 'string_2_of_3', 'string_3_of_3'].flatMap(
      (id) => decodeMigrationUri(v.cases.find((c) => c.id === id)!.migration_uri!).accounts,
    );
    const again = encodeMigrationPayloads(original).flatMap((u) => decodeMigrationUri(u).accounts);
    expect(again).toEqual(original);
  });

  it('property: any valid TOTP/HOTP list survives encode → decode', () => {
    const draft = fc.record({
      issuer: fc.string({ maxLength: 30 }).filter((s) => !s.includes(':') && s.trim() === s),
      name: fc.string({ maxLength: 30 }).filter((s) => s.trim() === s),
      secret: fc.uint8Array({ minLength: 10, maxLength: 64 }),
      algorithm: fc.constantFrom<HashAlgorithm>('SHA1', 'SHA256', 'SHA512'),
      digits: fc.constantFrom(6, 8),
      hotp: fc.option(fc.nat({ max: Number.MAX_SAFE_INTEGER })),
    });
    fc.assert(
      fc.property(fc.array(draft, { maxLength: 25 }), (list) => {
        const drafts: AccountDraft[] = list.map((d) => ({
          issuer: d.issuer,
          // A name with a colon and no issuer would be split on the way back (label rule).
          name: d.issuer === '' ? d.name.replace(/:/g, '') : d.name,
          secret: d.secret,
          otp:
            d.hotp === null
              ? { type: 'totp', algorithm: d.algorithm, digits: d.digits, period: 30 }
              : { type: 'hotp', algorithm: d.algorithm, digits: d.digits, counter: d.hotp },
        }));
        const back = encodeMigrationPayloads(drafts, 7).flatMap(
          (u) => decodeMigrationUri(u).accounts,
        );
        expect(back).toEqual(drafts.map((d) => ({ ...d, name: d.name.trim() })));
      }),
      { numRuns: 200 },
    );
  });
});
