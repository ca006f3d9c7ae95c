import { describe, expect, it } from 'vitest';
import { importBackup, type ImportEntry } from '../../../src/core/node/importers';
import { generateCode } from '../../../src/core/common/otp/index';
import { base32, corpusBytes, corpusJson, corpusText, failure } from './corpus';

/**
 * Proton Authenticator's importer fixtures (../shared/corpora/proton_authenticator/test_data,
 * expectations in proton_authenticator/EXPECTED.json and corpora README §5), imported as they
 * are and compared with Proton's assertions.
 *
 * Most fixtures use placeholder secrets. The short ones ("MYSECRET", "SECRETO", "STEAMKEY")
 * import like in Proton, each with a `short-secret` warning. Those whose length cannot come
 * from whole bytes in RFC 4648 base32 (1, 3 or 6 characters past a multiple of 8: "STEAMSECRET",
 * 17- and 19-letter strings) are an entry error `*.secret-invalid` (see DIFFERENCES.undecodable);
 * the other fields of those entries are checked by giving just them a decodable secret.
 */

const DIR = 'proton_authenticator/test_data/authenticator';
const VALID = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const EXPECTED = corpusJson<{ files: Record<string, string> }>(
  'proton_authenticator/EXPECTED.json',
).files;

/**
 * Where Latchkey's result differs from Proton's assertion, and why.
 * - HOTP: Proton rejects HOTP ("Unsupported"); Latchkey supports HOTP and imports them.
 * - Empty issuer: Proton copies the account name into the issuer; Latchkey keeps it empty
 *   (inventing an issuer would put a wrong name on the account).
 * - Manual 2FAS entries without an account: Proton repeats the service name as the account;
 *   Latchkey uses the service name as issuer and leaves the account empty.
 * - Undecodable placeholder secrets: Proton's decoder drops the leftover bits of a length that
 *   no whole number of bytes produces; Latchkey refuses such a secret (`*.secret-invalid`),
 *   the same rule as for scanned and typed accounts (src/core/common/uri), rather than guess.
 */
const DIFFERENCES = {
  hotp: 'HOTP imported (Proton: Unsupported error)',
  emptyIssuer: 'issuer left empty (Proton: copies the name)',
  manual: 'account left empty (Proton: repeats the service name)',
  undecodable: 'placeholder secret of an impossible base32 length refused (Proton: imported)',
} as const;

type Row = [issuer: string, name: string, params: string];
/** An entry whose placeholder secret is not whole base32: an entry error as is (see above). */
type Undecodable = { readonly undecodable: Row };
type Expected = Row | Undecodable | string;

const SECRET_INVALID = /^(import|uri)\.secret-invalid$/;

function describeEntries(entries: ImportEntry[]): (Row | string)[] {
  return entries.map((e) => {
    if (!e.ok) return e.error.code;
    const { otp } = e.draft;
    const params =
      otp.type === 'hotp'
        ? `hotp ${otp.algorithm}/${otp.digits} counter ${otp.counter}`
        : `${otp.type} ${otp.algorithm}/${otp.digits}/${otp.period}`;
    return [e.draft.issuer, e.draft.name, params];
  });
}

/** RFC 4648 §6: 1, 3 or 6 characters after the last full 8-character group are impossible. */
function undecodable(secret: string): boolean {
  const clean = secret.replace(/[\s=-]/g, '');
  return [1, 3, 6].includes(clean.length % 8);
}

/** Replaces only the secrets that cannot be decoded, leaving every other byte of the file. */
function withDecodableSecrets(text: string): Uint8Array {
  const fix = (whole: string, prefix: string, secret: string, suffix = '') =>
    undecodable(secret) ? `${prefix}${VALID}${suffix}` : whole;
  return new TextEncoder().encode(
    text
      .replace(/([?&]secret=)([^&\s",]+)/gi, (w, p: string, s: string) => fix(w, p, s))
      .replace(/("secret"\s*:\s*")([^"]*)(")/g, (w, p: string, s: string, e: string) =>
        fix(w, p, s, e),
      )
      .replace(/(steam:\/\/)([A-Za-z0-9]+)/g, (w, p: string, s: string) => fix(w, p, s)),
  );
}

async function load(file: string, options: { password?: string; fix?: boolean } = {}) {
  const bytes = options.fix
    ? withDecodableSecrets(corpusText(`${DIR}/${file}`))
    : corpusBytes(`${DIR}/${file}`);
  return importBackup(bytes, { password: options.password });
}

const TOTP = 'totp SHA1/6/30';
const STEAM = 'steam SHA1/5/30';

/** file → [format, expected entries (from EXPECTED.json), difference]. */
const FILES: Record<string, [string, Expected[], string?]> = {
  '2fas/decrypted.2fas': [
    '2fas',
    [
      ['myissuer', 'mylabeldefault', TOTP],
      ['Steam', '', STEAM],
    ],
  ],
  '2fas/decrypted_ios.2fas': [
    '2fas',
    [{ undecodable: ['Code1 2FAS', '', TOTP] }, { undecodable: ['Code2 2FAS', '', TOTP] }],
    DIFFERENCES.undecodable,
  ],
  '2fas/decrypted_with_hotp.2fas': [
    '2fas',
    [
      ['Proton', 'den den', TOTP],
      ['Hotp', '', 'hotp SHA1/6 counter 0'],
    ],
    DIFFERENCES.hotp,
  ],
  '2fas/decrypted_with_hotp_and_unsupported_algorithms.2fas': [
    '2fas',
    [['cncnncncn', '', 'hotp SHA1/6 counter 4'], 'import.unsupported-algorithm'],
    `${DIFFERENCES.hotp}; SHA384 refused like Proton`,
  ],
  '2fas/decrypted_with_hotp_missing_period.2fas': [
    '2fas',
    [
      ['cncnncncn', '', 'hotp SHA1/6 counter 5'],
      { undecodable: ['Item1', 'Additional item', 'totp SHA1/6/60'] },
      ['Item256', 'Bdjdbfjr', 'totp SHA256/8/90'],
      { undecodable: ['Item512', 'Additional info', 'totp SHA512/7/30'] },
    ],
    `${DIFFERENCES.hotp}; ${DIFFERENCES.undecodable}`,
  ],
  '2fas/decrypted_with_missing_fields.2fas': ['2fas', [['Amazon', 'atest@email.com', TOTP]]],
  '2fas/decrypted_with_manual_entries.2fas': [
    '2fas',
    [
      ['Amazon', 'some@test.email', TOTP],
      ['GitHub', 'Test-acc', TOTP],
      ['Facebook', 'random.sometest', TOTP],
      ['Google', 'some@test.email', TOTP],
      ['LinkedIn', 'some@test.email', TOTP],
      ['Binance.com', 'some@test.email', TOTP],
      ['kick', 'some@test.email', TOTP],
      ['Proton', 'sometestaccount@proton.me', TOTP],
      ['Service name hotp', '', 'hotp SHA1/6 counter 1'],
      ['Reddit', 'Some-Account1234', TOTP],
      ['20', '', TOTP],
      { undecodable: ['Manual', '', TOTP] },
    ],
    `${DIFFERENCES.hotp}; ${DIFFERENCES.manual}; ${DIFFERENCES.undecodable}`,
  ],
  'aegis/aegis-json-unencrypted.json': [
    'aegis',
    [
      ['myissuer', 'mylabel815256', 'totp SHA256/8/15'],
      ['myissuer', 'mylabeldefault', TOTP],
      ['Steam', 'Steam', STEAM],
    ],
  ],
  'aegis/aegis-txt.txt': [
    'uri-list',
    [
      ['myissuer', 'mylabel815256', 'totp SHA256/8/15'],
      ['myissuer', 'mylabeldefault', TOTP],
      ['Steam', 'Steam', STEAM],
    ],
  ],
  'aegis/aegis-json-unencrypted-with-missing-fields.json': [
    'aegis',
    [
      ['Proton', 'some@test.email', TOTP],
      ['Amazon', 'some@account.test', TOTP],
      ['', 'Somename', 'totp SHA256/7/30'],
    ],
    DIFFERENCES.emptyIssuer,
  ],
  'aegis/aegis-json-unencrypted-hotp.json': [
    'aegis',
    [
      ['', 'Test', TOTP],
      ['', 'HotpOne', 'hotp SHA1/6 counter 10'],
    ],
    `${DIFFERENCES.hotp}; ${DIFFERENCES.emptyIssuer}`,
  ],
  'aegis/aegis-json-unencrypted-with-bad-period-digits.json': [
    'aegis',
    ['import.digits-out-of-range', 'import.period-out-of-range'],
  ],
  'bitwarden/bitwarden.json': [
    'bitwarden-json',
    [
      ['ISSUER', 'LABEL_256_8_15', 'totp SHA256/8/15'],
      ['ISSUER_DEFAULT', 'LABEL_DEFAULT', TOTP],
      ['Steam', 'SteamName', STEAM],
      ['SevenDigits', 'Seven digit username', 'totp SHA1/7/30'],
    ],
  ],
  'bitwarden/bitwarden.csv': [
    'bitwarden-csv',
    [
      ['ISSUER', 'LABEL_256_8_15', 'totp SHA256/8/15'],
      ['ISSUER_DEFAULT', 'LABEL_DEFAULT', TOTP],
      ['Steam', 'SteamName', STEAM],
      ['SevenDigits', 'Seven digit username', 'totp SHA1/7/30'],
    ],
  ],
  'bitwarden/bitwarden_sample.csv': [
    'bitwarden-csv',
    [['Code 2', '', TOTP], ['Code 3', '', TOTP], { undecodable: ['Code1', '', TOTP] }],
    DIFFERENCES.undecodable,
  ],
  'bitwarden/bitwarden_app.json': ['bitwarden-json', [['ItemWithTOTP', 'myusername', TOTP]]],
  'ente/plain.txt': [
    'ente',
    [
      ['MyIssuer', 'MyLabel256_8_15', 'totp SHA256/8/15'],
      ['MyIssuer', 'MyLabelDefault', TOTP],
    ],
  ],
  'ente/plain_with_hotp.txt': [
    'ente',
    [
      { undecodable: ['', 'account', TOTP] },
      { undecodable: ['', 'title no issuer', TOTP] },
      ['code1 ente', 'jdjdbfbdbdbdb', TOTP],
      { undecodable: ['hotpitem', 'account1', 'hotp SHA1/6 counter 0'] },
      ['issuer', 'account', TOTP],
      ['issuer', 'amazon', TOTP],
    ],
    `${DIFFERENCES.hotp}; ${DIFFERENCES.emptyIssuer}; ${DIFFERENCES.undecodable}`,
  ],
  'ente/plain_with_steam_and_hotp.txt': [
    'ente',
    [
      { undecodable: ['Item1happysteam', 'additional info', STEAM] },
      ['Item2hotp', 'additional info', 'hotp SHA1/6 counter 0'],
      ['Item3-90sec', 'additional info', 'totp SHA1/6/90'],
    ],
    `${DIFFERENCES.hotp}; ${DIFFERENCES.undecodable}`,
  ],
  'ente/plain_with_missing_fields.txt': [
    'ente',
    [['', 'accountname', TOTP]],
    DIFFERENCES.emptyIssuer,
  ],
  'ente/plain_20_entries.txt': [
    'ente',
    Array.from({ length: 20 }, (_, i): Row => ['Proton', `Account ${i + 1}`, TOTP]),
  ],
};

const isUndecodable = (e: Expected): e is Undecodable => typeof e === 'object' && !Array.isArray(e);

describe('Proton Authenticator fixtures as they are', () => {
  for (const [file, [format, expected, difference]] of Object.entries(FILES)) {
    it(`${file}${difference ? ` (difference: ${difference})` : ''}`, async () => {
      expect(
        EXPECTED[`test_data/authenticator/${file}`],
        'described in EXPECTED.json',
      ).toBeDefined();
      const result = await load(file);
      expect(result.format).toBe(format);
      const rows = describeEntries(result.entries);
      expect(rows).toHaveLength(expected.length);
      rows.forEach((row, i) => {
        const want = expected[i]!;
        if (isUndecodable(want)) expect(row).toMatch(SECRET_INVALID);
        else expect(row).toEqual(want);
      });
    });
  }

  const withUndecodable = Object.entries(FILES).filter(([, [, rows]]) => rows.some(isUndecodable));
  it.each(withUndecodable)(
    '%s: the entries refused for their secret match Proton once it is decodable',
    async (file, [, expected]) => {
      const rows = describeEntries((await load(file, { fix: true })).entries);
      expect(rows).toEqual(expected.map((e) => (isUndecodable(e) ? e.undecodable : e)));
    },
  );

  it('every secret under 80 bits imports with a warning giving its length, and no other', async () => {
    let short = 0;
    for (const file of Object.keys(FILES)) {
      for (const entry of (await load(file)).entries) {
        if (!entry.ok) continue;
        const bits = entry.draft.secret.length * 8;
        const warned = entry.warnings.filter((w) => /only \d+ bits long/.test(w));
        if (bits < 80) {
          short++;
          expect(warned).toEqual([expect.stringContaining(`only ${bits} bits long`)]);
        } else {
          expect(warned).toEqual([]);
        }
      }
    }
    // MYSECRET, SECRETO (20 in plain_20_entries.txt), STEAMKEY, …: most fixtures.
    expect(short).toBeGreaterThan(40);
  });

  it.each(['aegis/aegis-json-unencrypted.json', 'aegis/aegis-txt.txt', 'bitwarden/bitwarden.json'])(
    '%s: the Steam entry (5-byte secret STEAMKEY) gives NTK5M at 1742298622, as Proton asserts',
    async (file) => {
      const steam = (await load(file)).entries.find((e) => e.ok && e.draft.otp.type === 'steam');
      expect(steam?.ok).toBe(true);
      if (!steam?.ok) return;
      expect(base32(steam.draft.secret)).toBe('STEAMKEY');
      expect(generateCode(steam.draft.secret, steam.draft.otp, { timeMs: 1742298622_000 })).toBe(
        'NTK5M',
      );
    },
  );

  it('the real secrets that are valid come through byte for byte', async () => {
    const result = await load('2fas/decrypted_with_manual_entries.2fas');
    const first = result.entries[0]!;
    expect(first.ok && Buffer.from(first.draft.secret).toString('hex')).toBe(
      // base32 IUIUCFKMTXQZUV5U7LE664BVXQ4K7PDSDKHZ4QTZAC5GVIBMMZ6A, decoded with Python's base64.b32decode
      '451141154c9de19a57b4fac9ef7035bc38afbc721a8f9e427900ba6aa02c667c',
    );
  });

  it('2fas/encrypted.2fas decrypts with "test" (2 entries, both placeholder secrets)', async () => {
    const result = await load('2fas/encrypted.2fas', { password: 'test' });
    // EXPECTED.json: [myissuer/mylabeldefault MYSECRET TOTP, Steam (no account) STEAMKEY].
    expect(describeEntries(result.entries)).toEqual([
      ['myissuer', 'mylabeldefault', TOTP],
      ['Steam', '', STEAM],
    ]);
    expect(await failure(load('2fas/encrypted.2fas'))).toBe('import.password-required');
    expect(await failure(load('2fas/encrypted.2fas', { password: 'invalid' }))).toBe(
      'import.wrong-password',
    );
  });

  it('aegis/aegis-json-encrypted-test.json decrypts with "test" to the 3 entries of the plain file', async () => {
    const result = await load('aegis/aegis-json-encrypted-test.json', { password: 'test' });
    expect(describeEntries(result.entries)).toEqual(FILES['aegis/aegis-json-unencrypted.json']![1]);
    expect(await failure(load('aegis/aegis-json-encrypted-test.json'))).toBe(
      'import.password-required',
    );
    expect(
      await failure(load('aegis/aegis-json-encrypted-test.json', { password: 'invalid' })),
    ).toBe('import.wrong-password');
  });

  it.each(['ente/encrypted.lowcomplexity.txt', 'ente/encrypted.nominalcomplexity.txt'])(
    '%s: Ente encryption (Argon2id + XChaCha20 secretstream) is reported as not supported',
    async (file) => {
      expect(await failure(load(file, { password: 'password' }))).toBe(
        'import.encrypted-not-supported',
      );
    },
  );

  it.each(['lastpass/lastpass.json', 'pass/PassExport.zip'])(
    '%s is not a format Latchkey reads',
    async (file) => {
      expect(await failure(load(file))).toBe('import.unknown-format');
    },
  );

  it('a password-protected Proton Authenticator export (Argon2id) is reported as not supported', async () => {
    // Shape from proton-pass-common export_entries_with_password: {version, salt, content}.
    const bytes = new TextEncoder().encode(
      JSON.stringify({ version: 1, salt: 'c2FsdA', content: 'AAAA' }),
    );
    expect(await failure(importBackup(bytes, { password: 'x' }))).toBe(
      'import.encrypted-not-supported',
    );
  });
});
