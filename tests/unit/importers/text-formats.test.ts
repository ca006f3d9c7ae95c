import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat, findDuplicates, importBackup } from '../../../src/core/node/importers';
import type { AccountDraft } from '../../../src/core/common/model';
import { LatchkeyError } from '../../../src/shared/errors/index';
import { batchLink } from '../../support/hostile';
import { asExpected, corpusBytes, corpusJson, failure } from './corpus';

const GM = 'google_migration/extract_otp_secrets';

describe('Google Authenticator export links in a text file (scito/extract_otp_secrets files)', () => {
  it('example_export.txt: 6 accounts in file order, comments ignored, equal to example_output.json', async () => {
    const result = await importBackup(corpusBytes(`${GM}/example_export.txt`));
    expect(result.format).toBe('google-migration');
    const upstream = corpusJson<{ secret: string; type: string; counter: number }[]>(
      `${GM}/example_output.json`,
    );
    const got = result.entries.map((e) => (e.ok ? asExpected(e.draft) : e.error.code));
    expect(
      got.map((g) => (typeof g === 'string' ? g : [g.secret, g.type, g.counter ?? 0])),
    ).toEqual(upstream.map((u) => [u.secret, u.type, u.type === 'hotp' ? u.counter : 0]));
  });

  it('example_export_only_totp.txt: 5 TOTP accounts', async () => {
    const result = await importBackup(corpusBytes(`${GM}/tests/data/example_export_only_totp.txt`));
    expect(result.entries.filter((e) => e.ok && e.draft.otp.type === 'totp')).toHaveLength(5);
    expect(result.entries).toHaveLength(5);
  });

  it('test_export_wrong_prefix.txt: the "QR-Code:" prefix zbarimg prints is skipped', async () => {
    const result = await importBackup(corpusBytes(`${GM}/tests/data/test_export_wrong_prefix.txt`));
    expect(result.entries.map((e) => e.ok && asExpected(e.draft))).toEqual([
      expect.objectContaining({
        issuer: 'raspberrypi',
        name: 'pi@raspberrypi',
        secret: '7KSQL2JTUDIS5EF65KLMRQIIGY',
        type: 'totp',
      }),
    ]);
  });

  it('test_export_wrong_data.txt: one entry error with a migration code, not a crash', async () => {
    const result = await importBackup(corpusBytes(`${GM}/tests/data/test_export_wrong_data.txt`));
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]!.ok).toBe(false);
    expect(!result.entries[0]!.ok && result.entries[0]!.error.code).toMatch(/^migration\./);
  });

  it.each([
    'tests/data/empty_file.txt',
    'tests/data/only_comments.txt',
    'tests/data/test_export_wrong_content.txt',
  ])('%s holds no links: unknown format (upstream prints 0 accounts)', async (file) => {
    expect(await failure(importBackup(corpusBytes(`${GM}/${file}`)))).toBe('import.unknown-format');
  });

  it('a multi-QR export with a part missing says which part', async () => {
    const v = corpusJson<{ cases: { id: string; migration_uri: string | null }[] }>(
      'google_migration/johncallahan_otpauth_migration_vectors.json',
    );
    const text = ['string_1_of_3', 'string_3_of_3']
      .map((id) => v.cases.find((c) => c.id === id)!.migration_uri)
      .join('\n');
    const result = await importBackup(new TextEncoder().encode(text));
    const last = result.entries.at(-1)!;
    expect(result.entries.filter((e) => e.ok)).toHaveLength(12);
    expect(!last.ok && [last.error.code, last.error.details]).toEqual([
      'migration.part-missing',
      { size: 3, missing: '2' },
    ]);
  });

  it('a link declaring 2^31−1 parts refuses the file with a specific error (issue 10 finding 1)', async () => {
    const text = `otpauth://totp/A:a?secret=JBSWY3DPEHPK3PXP\n${batchLink()}\n`;
    await expect(importBackup(new TextEncoder().encode(text))).rejects.toMatchObject({
      code: 'migration.batch-out-of-range',
      details: { size: 2 ** 31 - 1, index: 0, maxParts: 100 },
    });
  });
});

describe('plain otpauth lists', () => {
  it('mixes otpauth://, steam:// and migration links; bad lines are entry errors without the secret', async () => {
    const text = [
      '# my accounts',
      '',
      'otpauth://totp/GitHub:me?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=GitHub',
      'otpauth://totp/Broken:you?secret=NOT!BASE32SECRET&issuer=Broken',
      'steam://JRZCL47CMXVOQMNPZR2F7J4RGI',
      'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC',
    ].join('\r\n');
    const result = await importBackup(new TextEncoder().encode(text));
    expect(result.format).toBe('uri-list');
    expect(
      result.entries.map((e) =>
        e.ok
          ? `${e.draft.issuer}/${e.draft.name}/${e.draft.otp.type}`
          : `${e.index} ${e.label} ${e.error.code}`,
      ),
    ).toEqual([
      'GitHub/me/totp',
      '1 Broken:you uri.secret-invalid',
      'Steam//steam',
      'Example/alice@google.com/totp',
    ]);
    expect(JSON.stringify(result.entries[1])).not.toContain('NOT!BASE32');
  });
});

describe('detectFormat and hostile input', () => {
  it('uses content, not the file name', () => {
    const aegis = corpusBytes('aegis/importers/aegis_plain.json');
    expect(detectFormat(aegis, 'backup.csv')).toBe('aegis');
    expect(detectFormat(new TextEncoder().encode('[]'))).toBeNull();
    expect(detectFormat(new TextEncoder().encode('[]'), 'otp_accounts.json')).toBe('andotp');
  });

  it('random bytes never throw anything but LatchkeyError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        try {
          await importBackup(bytes, { password: 'x' });
        } catch (error) {
          expect(error).toBeInstanceOf(LatchkeyError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('random JSON shaped like each format never throws anything but LatchkeyError', async () => {
    const shapes = [
      (v: unknown) => ({
        version: 1,
        header: { slots: null, params: null },
        db: { version: 1, entries: v },
      }),
      (v: unknown) => ({ schemaVersion: 4, services: v }),
      (v: unknown) => ({ encrypted: false, items: v }),
      (v: unknown) => ({ tokenOrder: [], tokens: v }),
      (v: unknown) => ({ version: 1, entries: [{ content: { uri: v } }] }),
      (v: unknown) => ({ shared_secret: v, account_name: v }),
      (v: unknown) => [{ secret: v, type: v, label: v }],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...shapes), fc.jsonValue(), async (shape, value) => {
        try {
          const result = await importBackup(new TextEncoder().encode(JSON.stringify(shape(value))));
          for (const e of result.entries) expect(typeof e.ok).toBe('boolean');
        } catch (error) {
          expect(error).toBeInstanceOf(LatchkeyError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a file over 20 MB is refused before parsing', async () => {
    expect(await failure(importBackup(new Uint8Array(20 * 1024 * 1024 + 1)))).toBe(
      'import.too-large',
    );
  });

  it('an unreadable file of a recognised format says what was expected', async () => {
    const broken = new TextEncoder().encode(
      JSON.stringify({ version: 1, header: { slots: [{ type: 1 }], params: {} }, db: 'AAAA' }),
    );
    try {
      await importBackup(broken, { password: 'x' });
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toMatchObject({
        code: 'import.unreadable',
        details: { expected: 'an Aegis vault (JSON)' },
      });
      expect((error as Error).message).toContain('Aegis');
    }
  });
});

describe('findDuplicates', () => {
  const secret = Uint8Array.from({ length: 20 }, (_, i) => i);
  const draft = (type: 'totp' | 'hotp', bytes = secret, issuer = 'A'): AccountDraft => ({
    issuer,
    name: 'n',
    secret: bytes,
    otp:
      type === 'totp'
        ? { type, algorithm: 'SHA1', digits: 6, period: 30 }
        : { type, algorithm: 'SHA1', digits: 6, counter: 0 },
  });

  it('same secret and type is a duplicate whatever the labels; another type is not', () => {
    const existing = [
      {
        issuer: 'Old name',
        name: 'x',
        secret: Uint8Array.from(secret),
        otp: { type: 'totp' as const },
      },
    ];
    const drafts = [
      draft('totp', Uint8Array.from(secret), 'Renamed'),
      draft('hotp'),
      draft('totp', new Uint8Array(20)),
    ];
    expect(findDuplicates(existing, drafts)).toEqual([{ draftIndex: 0, existingIndex: 0 }]);
  });

  it('reports a repeat inside the same import', () => {
    expect(findDuplicates([], [draft('totp'), draft('totp')])).toEqual([
      { draftIndex: 1, existingIndex: -1, earlierDraftIndex: 0 },
    ]);
  });
});
