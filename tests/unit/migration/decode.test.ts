import fc from 'fast-check';
import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import { decodeMigrationUri, MAX_MIGRATION_PARTS } from '../../../src/core/common/migration';
import { LatchkeyError } from '../../../src/shared/errors/index';
import { batchLink } from '../../support/hostile';
import { asExpected, corpusJson, corpusText } from '../importers/corpus';

interface Decoded {
  name: string;
  issuer: string;
  secret: string;
  type: string;
  counter: number;
  algorithm: string;
  digits: number;
}

/** The label rule: a "Issuer:" prefix on the name is the issuer (Key URI Format). */
function expectedFromDecoded(a: Decoded) {
  const colon = a.name.indexOf(':');
  const prefix = colon >= 0 ? a.name.slice(0, colon).trim() : null;
  let issuer = a.issuer;
  let name = a.name;
  if (prefix !== null && (issuer === '' || prefix === issuer)) {
    issuer = issuer || prefix;
    name = a.name.slice(colon + 1).trim();
  }
  // Surrounding spaces are dropped, as for every label ("Google4 code " in a Proton screenshot).
  return {
    type: a.type,
    issuer: issuer.trim(),
    name: name.trim(),
    secret: a.secret,
    algorithm: a.algorithm,
    digits: a.digits,
    period: a.type === 'totp' ? 30 : null,
    counter: a.type === 'hotp' ? a.counter : null,
  };
}

/** A secret under 80 bits (16 base32 characters) is kept with one warning naming its length. */
function shortSecretWarnings(a: Decoded): unknown[] {
  const bits = Math.floor((a.secret.replace(/=+$/, '').length * 5) / 8) * 8;
  return bits < 80 ? [expect.stringContaining(`only ${bits} bits long`)] : [];
}

function codeOf(error: unknown): string {
  expect(error).toBeInstanceOf(LatchkeyError);
  return (error as LatchkeyError).code;
}

function decodeError(text: string): string {
  try {
    decodeMigrationUri(text);
  } catch (error) {
    return codeOf(error);
  }
  throw new Error('expected a failure');
}

describe('decodeMigrationUri: scito/extract_otp_secrets (google_migration/extract_otp_secrets)', () => {
  const expected = corpusJson<{
    files: Record<
      string,
      {
        lines?: {
          uri: string;
          decoded_by_us: {
            batch_size: number;
            batch_index: number;
            batch_id: number;
            accounts: Decoded[];
          };
        }[];
        uri?: string;
        decoded_by_us?: { accounts: Decoded[] };
      }
    >;
  }>('google_migration/extract_otp_secrets/EXPECTED.json');

  it('decodes every line of example_export.txt (HOTP counter 4, UTF-8 name, 2-account payload, negative batch id)', () => {
    const lines = expected.files['example_export.txt']!.lines!;
    for (const line of lines) {
      const result = decodeMigrationUri(line.uri);
      expect(result.errors).toEqual([]);
      expect(result.accounts.map(asExpected)).toEqual(
        line.decoded_by_us.accounts.map(expectedFromDecoded),
      );
      expect(result.batch).toEqual({
        index: line.decoded_by_us.batch_index,
        size: line.decoded_by_us.batch_size,
        id: line.decoded_by_us.batch_id,
      });
    }
  });

  it('matches the upstream expected output example_output.json for the whole file', () => {
    const upstream = corpusJson<
      { name: string; secret: string; issuer: string; type: string; counter: number }[]
    >('google_migration/extract_otp_secrets/example_output.json');
    const text = corpusText('google_migration/extract_otp_secrets/example_export.txt');
    const accounts = text
      .split('\n')
      .filter((l) => l.startsWith('otpauth-migration:'))
      .flatMap((l) => decodeMigrationUri(l).accounts);
    expect(accounts.map((a) => asExpected(a).secret)).toEqual(upstream.map((u) => u.secret));
    expect(accounts.map((a) => a.otp.type)).toEqual(upstream.map((u) => u.type));
    // Difference from upstream: it prints the protobuf name verbatim ("encoding: ¿äÄéÉ? (demo)");
    // we apply the Key URI label rule, so an "Issuer:" prefix with no stored issuer becomes it.
    expect(accounts.map((a) => [a.issuer, a.name])).toEqual(
      upstream.map((u) => {
        const e = expectedFromDecoded({ ...u, algorithm: 'SHA1', digits: 6 });
        return [e.issuer, e.name];
      }),
    );
    expect(accounts[5]).toMatchObject({ issuer: 'encoding', name: '¿äÄéÉ? (demo)' });
  });

  it('keeps raw "+" and "/" of unescaped base64 (test_plus_problem_export.txt)', () => {
    const text = corpusText(
      'google_migration/extract_otp_secrets/tests/data/test_plus_problem_export.txt',
    );
    const uri = text.split('\n').find((l) => l.startsWith('otpauth-migration:'))!;
    const result = decodeMigrationUri(uri);
    expect(result.accounts.map((a) => asExpected(a).secret.slice(0, 8))).toEqual([
      'A4RFDYMF',
      'SCDDZ7PW',
      'TR76272R',
      'N2ILWSXS',
    ]);
    expect(result.accounts.every((a) => a.issuer === 'SerenityLabs')).toBe(true);
    // A "+" turned into a space by a careless form decoder still works.
    expect(decodeMigrationUri(uri.replace(/\+/g, ' ')).accounts).toHaveLength(4);
  });

  it('rejects data=XXXX (test_export_wrong_data.txt) with a specific error', () => {
    const line = corpusText(
      'google_migration/extract_otp_secrets/tests/data/test_export_wrong_data.txt',
    )
      .split('\n')
      .find((l) => l.startsWith('otpauth-migration:'))!;
    expect(decodeError(line)).toMatch(/^migration\./);
  });
});

describe('decodeMigrationUri: johncallahan/otpauth_migration vectors', () => {
  const vectors = corpusJson<{
    cases: {
      id: string;
      migration_uri: string | null;
      migration_uri_urlencoded?: string;
      expected_otpauth_uris: string[];
      decoded_by_us?: { batch_size?: number; batch_index?: number; batch_id?: number };
    }[];
    error_fixtures: { id: string; value: string | string[] }[];
  }>('google_migration/johncallahan_otpauth_migration_vectors.json');

  for (const c of vectors.cases.filter((c) => c.migration_uri !== null)) {
    it(`${c.id}: accounts equal the upstream otpauth URIs (parsed by the otpauth library)`, () => {
      const result = decodeMigrationUri(c.migration_uri!);
      const oracle = c.expected_otpauth_uris.map((uri) => {
        const otp = OTPAuth.URI.parse(uri);
        return {
          issuer: otp.issuer,
          name: otp.label,
          secret: otp.secret.base32.replace(/=+$/, ''),
          algorithm: otp.algorithm,
          digits: otp.digits,
        };
      });
      const got = result.accounts.map((a) => {
        const e = asExpected(a);
        return {
          issuer: e.issuer,
          name: e.name,
          secret: e.secret,
          algorithm: e.algorithm,
          digits: e.digits,
        };
      });
      if (c.id === 'string6') {
        // Recorded upstream caveat: the payload carries 21 accounts, the list 22 (encode-only
        // fixture): "twelve@example.com" is in the list but not in the payload.
        expect(got).toEqual(oracle.filter((a) => a.name !== 'twelve@example.com'));
      } else {
        expect(got).toEqual(oracle);
      }
      if (c.migration_uri_urlencoded) {
        expect(decodeMigrationUri(c.migration_uri_urlencoded).accounts).toEqual(result.accounts);
      }
    });
  }

  it('reports the 3-part batch positions with a shared id', () => {
    const parts = ['string_1_of_3', 'string_2_of_3', 'string_3_of_3'].map((id) =>
      decodeMigrationUri(vectors.cases.find((c) => c.id === id)!.migration_uri!),
    );
    expect(parts.map((p) => p.batch)).toEqual([
      { index: 0, size: 3, id: 251676888 },
      { index: 1, size: 3, id: 251676888 },
      { index: 2, size: 3, id: 251676888 },
    ]);
    expect(parts.map((p) => p.accounts.length)).toEqual([10, 10, 2]);
  });

  it('a payload with only batch fields has no accounts and no batch when size is 0', () => {
    expect(decodeMigrationUri('otpauth-migration://offline?data=EAEYACAAKOfg+/gC')).toEqual({
      accounts: [],
      warnings: [],
      batch: null,
      errors: [],
    });
  });

  it('rejects a truncated protobuf (errorString1) as truncated', () => {
    const truncated = vectors.error_fixtures.find((f) => f.id === 'errorString1')!.value as string;
    expect(decodeError(`otpauth-migration://offline?data=${truncated}`)).toBe(
      'migration.truncated',
    );
  });

  it('accepts an upper-case scheme (RFC 3986 §3.1: schemes are case-insensitive)', () => {
    const upper =
      'otpauth-MIGRATION://offline?data=CiMKCskCjMDVZlPV3OQSD015IFRlc3QgQWNjb3VudCABKAEwAhAB';
    expect(decodeMigrationUri(upper).accounts.map((a) => a.name)).toEqual(['My Test Account']);
  });

  it.each(['otpauth-migration://offline', 'otpauth-migration://offline?data=', ''])(
    'no data (%j) is not a migration link',
    (input) => {
      expect(decodeError(input)).toMatch(/^migration\./);
    },
  );
});

describe('decodeMigrationUri: dim13/otpauth and digitalduke vectors', () => {
  const v = corpusJson<{
    dim13_otpauth: { cases: { migration_uri: string; decoded_by_us?: Decoded[] }[] };
    digitalduke_otpauth_migration_decoder: { invalid_migration_inputs: string[] };
  }>('google_migration/dim13_digitalduke_vectors.json');

  it('decodes the minimal payload with unspecified algorithm/digits as SHA1/6', () => {
    const [account] = decodeMigrationUri(v.dim13_otpauth.cases[0]!.migration_uri).accounts;
    expect(asExpected(account!)).toEqual({
      type: 'totp',
      issuer: 'Example',
      name: 'alice@google.com',
      secret: 'JBSWY3DPEHPK3PXP',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: null,
    });
    // Independent check of the secret: the TOTP code dim13 asserts at 2009-11-10T23:00Z.
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32('JBSWY3DPEHPK3PXP') });
    expect(totp.generate({ timestamp: 1257894000_000 })).toBe('528064');
  });

  it('parses raw standard base64 with "+", "/" and "==" padding', () => {
    const result = decodeMigrationUri(v.dim13_otpauth.cases[1]!.migration_uri);
    expect(result.accounts.map((a) => asExpected(a).secret)).toEqual([
      'CHGEE4VO72DVNFA76NJS7HL6EREGQ6HU',
    ]);
  });

  it.each(v.digitalduke_otpauth_migration_decoder.invalid_migration_inputs)(
    'rejects %s',
    (input) => {
      expect(decodeError(input)).toMatch(/^migration\./);
    },
  );
});

describe('decodeMigrationUri: Proton Authenticator test URIs (proton_authenticator/EXPECTED.json)', () => {
  const proton = corpusJson<{
    google_migration_cases: {
      uri: string;
      decoded_by_us: { accounts: Decoded[]; batch_size: number; batch_index: number };
    }[];
    google_migration_negative: { test: string; uri: string }[];
  }>('proton_authenticator/EXPECTED.json');

  it.each(proton.google_migration_cases.map((c, i) => [i, c] as const))(
    'case %i decodes all accounts incl. HOTP',
    (_i, c) => {
      const result = decodeMigrationUri(c.uri);
      // Every account imports, HOTP included; Proton's placeholder "MYSECRET" (40 bits) too,
      // with a warning that it is under 80 bits.
      expect(result.accounts.map(asExpected)).toEqual(
        c.decoded_by_us.accounts.map(expectedFromDecoded),
      );
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual(c.decoded_by_us.accounts.map(shortSecretWarnings));
    },
  );

  it.each(proton.google_migration_negative.map((n) => [n.test, n.uri] as const))(
    '%s is rejected',
    (_t, uri) => {
      expect(decodeError(uri)).toMatch(/^migration\./);
    },
  );
});

describe('decodeMigrationUri: hostile input', () => {
  const wrap = (bytes: number[]) =>
    `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`;

  it('a varint longer than 10 bytes is malformed', () => {
    expect(decodeError(wrap([0x10, ...Array(11).fill(0xff), 0x01]))).toBe('migration.malformed');
  });

  // Issue 10 finding 1: batch_size 2^31−1 made callers build one entry per declared part.
  it.each([
    [2 ** 31 - 1, 0],
    [101, 0],
    [-1, 0],
    [3, 3],
    [3, -1],
    [0, 4],
  ])('batch_size %d with batch_index %d is refused with a specific error', (size, index) => {
    let caught: unknown;
    try {
      decodeMigrationUri(batchLink(size, index));
    } catch (error) {
      caught = error;
    }
    expect(codeOf(caught)).toBe('migration.batch-out-of-range');
    expect((caught as LatchkeyError).message).toContain(`1 to ${MAX_MIGRATION_PARTS} parts`);
  });

  it('accepts the largest sane export: part 100 of 100', () => {
    expect(decodeMigrationUri(batchLink(100, 99)).batch).toEqual({ index: 99, size: 100, id: 7 });
  });

  it('a huge declared length is truncated, not an allocation', () => {
    expect(decodeError(wrap([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]))).toBe('migration.truncated');
  });

  it('an account with MD5 is reported and the others still import', () => {
    const md5 = [0x0a, 0x0b, 0x0a, 0x02, 0x01, 0x02, 0x12, 0x01, 0x78, 0x20, 0x04, 0x30, 0x02];
    const ok = [
      0x0a,
      0x0f,
      0x0a,
      0x0a,
      ...Buffer.from('Hello!\xde\xad\xbe\xef', 'latin1'),
      0x12,
      0x01,
      0x79,
    ];
    const result = decodeMigrationUri(wrap([...md5, ...ok]));
    expect(result.accounts.map((a) => a.name)).toEqual(['y']);
    expect(result.errors).toEqual([
      expect.objectContaining({
        index: 0,
        label: 'x',
        error: expect.objectContaining({ code: 'import.unsupported-algorithm' }),
      }),
    ]);
  });

  it('random bytes and random text never throw anything but LatchkeyError', () => {
    const check = (text: string) => {
      try {
        decodeMigrationUri(text);
      } catch (error) {
        expect(error).toBeInstanceOf(LatchkeyError);
      }
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => check(wrap([...bytes]))),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) =>
        check(`otpauth-migration://offline?data=${s}`),
      ),
      {
        numRuns: 1000,
      },
    );
  });
});

describe('decodeMigrationUri: texts read from real QR screenshots', () => {
  interface Part {
    batch_size: number;
    batch_index: number;
    accounts: Decoded[];
  }
  function check(uri: string, part: Part) {
    const result = decodeMigrationUri(uri);
    expect(result.batch && [result.batch.index, result.batch.size]).toEqual([
      part.batch_index,
      part.batch_size,
    ]);
    expect(result.accounts.map(asExpected)).toEqual(part.accounts.map(expectedFromDecoded));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual(part.accounts.map(shortSecretWarnings));
  }

  it('extract_otp_secrets docs/Exported-QR-codes (2-part export)', () => {
    const file = corpusJson<{
      files: Record<string, { qr_texts: string[]; decoded_by_us: Part[] }>;
    }>('google_migration/extract_otp_secrets/EXPECTED.json').files['docs/Exported-QR-codes.webp']!;
    file.qr_texts.forEach((uri, i) => check(uri, file.decoded_by_us[i]!));
  });

  const images = corpusJson<{
    qr_images: { images: Record<string, { qr_text_zbar?: string; decoded_by_us?: Part }> };
  }>('proton_authenticator/EXPECTED.json').qr_images.images;
  it.each(Object.entries(images).filter(([, v]) => v.decoded_by_us?.accounts))(
    'Proton %s',
    (_name, image) => {
      check(image.qr_text_zbar!, image.decoded_by_us!);
    },
  );
});
