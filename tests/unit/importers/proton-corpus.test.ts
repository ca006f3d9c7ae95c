import { describe, expect, it } from 'vitest';
import { importBackup, type ImportEntry } from '../../../src/core/importers';
import { LatchkeyError } from '../../../src/shared/errors/index';
import { corpusBytes, corpusText } from './corpus';

/**
 * Proton Authenticator's importer fixtures (../shared/corpora/proton_authenticator/test_data,
 * expectations in proton_authenticator/EXPECTED.json and corpora README §5).
 *
 * Most fixtures use placeholder secrets ("MYSECRET", "SECRETO", 17-letter strings) that are
 * shorter than 80 bits or not whole base32. Latchkey refuses those everywhere (the same floor
 * as scanned and typed accounts, src/core/uri), so each file is checked twice:
 * 1. as is: the accounts with real secrets import, each placeholder one is an entry error
 *    `*.secret-too-short` / `*.secret-invalid` (never a whole-file failure);
 * 2. with every secret replaced by a valid one: every other field matches Proton's assertions,
 *    except the differences listed in DIFFERENCES.
 */

const DIR = 'proton_authenticator/test_data/authenticator';
const VALID = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/**
 * Where Latchkey's result differs from Proton's assertion, and why.
 * - HOTP: Proton rejects HOTP ("Unsupported"); Latchkey supports HOTP and imports them.
 * - Empty issuer: Proton copies the account name into the issuer; Latchkey keeps it empty
 *   (inventing an issuer would put a wrong name on the account).
 * - Manual 2FAS entries without an account: Proton repeats the service name as the account;
 *   Latchkey uses the service name as issuer and leaves the account empty.
 */
const DIFFERENCES = {
  hotp: 'HOTP imported (Proton: Unsupported error)',
  emptyIssuer: 'issuer left empty (Proton: copies the name)',
  manual: 'account left empty (Proton: repeats the service name)',
} as const;

type Row = [issuer: string, name: string, params: string];

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

function withValidSecrets(text: string): Uint8Array {
  return new TextEncoder().encode(
    text
      .replace(/([?&]secret=)[^&\s",]+/gi, `$1${VALID}`)
      .replace(/("secret"\s*:\s*")[^"]*"/g, `$1${VALID}"`)
      .replace(/steam:\/\/[A-Za-z0-9]+/g, `steam://${VALID}`),
  );
}

async function load(file: string, options: { password?: string; fix?: boolean } = {}) {
  const bytes = options.fix
    ? withValidSecrets(corpusText(`${DIR}/${file}`))
    : corpusBytes(`${DIR}/${file}`);
  return importBackup(bytes, { password: options.password });
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(LatchkeyError);
    return (error as LatchkeyError).code;
  }
  throw new Error('expected a failure');
}

const TOTP = 'totp SHA1/6/30';
const STEAM = 'steam SHA1/5/30';

/** file → [format, expected rows with valid secrets]. */
const FIXED: Record<string, [string, (Row | string)[], string?]> = {
  '2fas/decrypted.2fas': [
    '2fas',
    [
      ['myissuer', 'mylabeldefault', TOTP],
      ['Steam', '', STEAM],
    ],
  ],
  '2fas/decrypted_ios.2fas': [
    '2fas',
    [
      ['Code1 2FAS', '', TOTP],
      ['Code2 2FAS', '', TOTP],
    ],
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
      ['Item1', 'Additional item', 'totp SHA1/6/60'],
      ['Item256', 'Bdjdbfjr', 'totp SHA256/8/90'],
      ['Item512', 'Additional info', 'totp SHA512/7/30'],
    ],
    DIFFERENCES.hotp,
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
      ['Manual', '', TOTP],
    ],
    `${DIFFERENCES.hotp}; ${DIFFERENCES.manual}`,
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
    [
      ['Code 2', '', TOTP],
      ['Code 3', '', TOTP],
      ['Code1', '', TOTP],
    ],
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
      ['', 'account', TOTP],
      ['', 'title no issuer', TOTP],
      ['code1 ente', 'jdjdbfbdbdbdb', TOTP],
      ['hotpitem', 'account1', 'hotp SHA1/6 counter 0'],
      ['issuer', 'account', TOTP],
      ['issuer', 'amazon', TOTP],
    ],
    `${DIFFERENCES.hotp}; ${DIFFERENCES.emptyIssuer}`,
  ],
  'ente/plain_with_steam_and_hotp.txt': [
    'ente',
    [
      ['Item1happysteam', 'additional info', STEAM],
      ['Item2hotp', 'additional info', 'hotp SHA1/6 counter 0'],
      ['Item3-90sec', 'additional info', 'totp SHA1/6/90'],
    ],
    DIFFERENCES.hotp,
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

describe('Proton Authenticator fixtures, secrets replaced by a valid one', () => {
  for (const [file, [format, rows, difference]] of Object.entries(FIXED)) {
    it(`${file}${difference ? ` (difference: ${difference})` : ''}`, async () => {
      const result = await load(file, { fix: true });
      expect(result.format).toBe(format);
      expect(describeEntries(result.entries)).toEqual(rows);
    });
  }
});

describe('Proton Authenticator fixtures as they are', () => {
  const SECRET_CODES = [
    'import.secret-too-short',
    'import.secret-invalid',
    'uri.secret-too-short',
    'uri.secret-invalid',
  ];

  for (const file of Object.keys(FIXED)) {
    it(`${file}: same accounts; only placeholder secrets fail, one entry at a time`, async () => {
      const fixed = describeEntries((await load(file, { fix: true })).entries);
      const raw = describeEntries((await load(file)).entries);
      expect(raw).toHaveLength(fixed.length);
      raw.forEach((row, i) => {
        if (typeof row === 'string' && typeof fixed[i] !== 'string')
          expect(SECRET_CODES).toContain(row);
        else expect(row).toEqual(fixed[i]);
      });
    });
  }

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
    expect(result.entries.map((e) => (e.ok ? 'ok' : `${e.label} ${e.error.code}`))).toEqual([
      'myissuer: mylabeldefault import.secret-too-short',
      'Steam import.secret-too-short',
    ]);
    expect(await failure(load('2fas/encrypted.2fas'))).toBe('import.password-required');
    expect(await failure(load('2fas/encrypted.2fas', { password: 'invalid' }))).toBe(
      'import.wrong-password',
    );
  });

  it('aegis/aegis-json-encrypted-test.json decrypts with "test" to the 3 entries of the plain file', async () => {
    const result = await load('aegis/aegis-json-encrypted-test.json', { password: 'test' });
    expect(result.entries.map((e) => (e.ok ? 'ok' : e.label))).toEqual([
      'myissuer: mylabel815256',
      'myissuer: mylabeldefault',
      'Steam: Steam',
    ]);
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
