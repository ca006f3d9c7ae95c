import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  draftFromManualEntry,
  parseOtpUri,
  serializeOtpUri,
  type UriWarning,
} from '../../../src/core/common/uri/index';
import type { AccountDraft } from '../../../src/core/common/model';
import { HASH_ALGORITHMS, OTP_LIMITS, type OtpParams } from '../../../src/shared/account';
import { LatchkeyError } from '../../../src/shared/errors/index';
import { readCorpus } from '../otp/corpora';

const RUNS = 10_000;

// Names and issuers that upstream round-trip tests use (otpauth_uris/onetimepassword_swift_cases.json).
const brute = readCorpus<{
  brute_force_inputs_used_upstream: { names: string[]; issuers: string[] };
}>('otpauth_uris/onetimepassword_swift_cases.json').brute_force_inputs_used_upstream;

/** Issuer/name text as a valid draft holds it: well-formed Unicode, trimmed, within the cap. */
const labelText = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({
      unit: fc.constantFrom(...':/?#[]@!$&\'()*+,;=%" \t+-.~'.split('')),
      maxLength: 12,
    }),
    fc.constantFrom(...brute.names, ...brute.issuers),
  )
  .map((s) => s.trim())
  .filter((s) => s.length <= OTP_LIMITS.maxLabelLength);

const otpArb: fc.Arbitrary<OtpParams> = fc.oneof(
  fc.record({
    type: fc.constant('totp' as const),
    algorithm: fc.constantFrom(...HASH_ALGORITHMS),
    digits: fc.integer({ min: OTP_LIMITS.minDigits, max: OTP_LIMITS.maxDigits }),
    period: fc.integer({ min: OTP_LIMITS.minPeriod, max: OTP_LIMITS.maxPeriod }),
  }),
  fc.record({
    type: fc.constant('hotp' as const),
    algorithm: fc.constantFrom(...HASH_ALGORITHMS),
    digits: fc.integer({ min: OTP_LIMITS.minDigits, max: OTP_LIMITS.maxDigits }),
    counter: fc.oneof(fc.nat(1000), fc.maxSafeNat()),
  }),
  fc.constant({ type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 } as const),
);

const draftArb: fc.Arbitrary<AccountDraft> = fc.record({
  issuer: labelText,
  name: labelText,
  otp: otpArb,
  // Short secrets (kept with a warning) are drawn often enough to matter, not 9 times in 128.
  secret: fc.oneof(
    fc.uint8Array({
      minLength: OTP_LIMITS.minSecretBytes,
      maxLength: OTP_LIMITS.recommendedSecretBytes - 1,
    }),
    fc.uint8Array({
      minLength: OTP_LIMITS.minSecretBytes,
      maxLength: OTP_LIMITS.maxSecretBytes,
    }),
  ),
});

/** The canonical link of a draft warns only about a secret under 80 bits, giving its length. */
function expectOnlySecretWarning(draft: AccountDraft, warnings: readonly UriWarning[]): void {
  const short = draft.secret.length < OTP_LIMITS.recommendedSecretBytes;
  expect(warnings).toEqual(
    short ? [expect.objectContaining({ code: 'short-secret', bits: draft.secret.length * 8 })] : [],
  );
}

/** Calls the parser and fails on anything thrown that is not a LatchkeyError. */
function parseOrLatchkeyError(text: string): AccountDraft | null {
  try {
    return parseOtpUri(text).draft;
  } catch (error) {
    if (!(error instanceof LatchkeyError)) throw error;
    expect(error.code.startsWith('uri.')).toBe(true);
    return null;
  }
}

/** Whatever the parser accepts is a valid draft, and its canonical form reads back the same. */
function checkAccepted(draft: AccountDraft): void {
  const again = parseOtpUri(serializeOtpUri(draft));
  expect(again.draft).toEqual(draft);
  expectOnlySecretWarning(draft, again.warnings);
}

describe('properties', () => {
  it(`parse ∘ serialize is the identity on valid drafts (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(draftArb, (draft) => {
        const uri = serializeOtpUri(draft);
        expect(uri.length).toBeLessThanOrEqual(OTP_LIMITS.maxUriLength);
        const { draft: parsed, warnings } = parseOtpUri(uri);
        expect(parsed).toEqual(draft);
        expectOnlySecretWarning(draft, warnings);
      }),
      { numRuns: RUNS },
    );
  });

  it(`arbitrary strings only ever fail with a LatchkeyError (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `otpauth://${s}`),
          fc
            .string({ unit: 'binary', maxLength: 200 })
            .map((s) => `otpauth://totp/${s}?secret=${s}`),
          fc.string({ maxLength: 5000 }),
        ),
        (text) => {
          const draft = parseOrLatchkeyError(text);
          if (draft) checkAccepted(draft);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`byte soup (decoded as UTF-8 and Latin-1) only ever fails with a LatchkeyError (${RUNS} runs)`, () => {
    const utf8 = new TextDecoder('utf-8');
    const latin1 = new TextDecoder('latin1');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, prefix) => {
        for (const decoder of [utf8, latin1]) {
          const text = (prefix ? 'otpauth://' : '') + decoder.decode(bytes);
          const draft = parseOrLatchkeyError(text);
          if (draft) checkAccepted(draft);
        }
      }),
      { numRuns: RUNS },
    );
  });

  const mutation = fc.record({
    at: fc.nat(),
    remove: fc.nat(4),
    insert: fc.oneof(
      fc.constantFrom(
        '',
        ':',
        '%',
        '%3A',
        '%3a',
        '?',
        '&',
        '=',
        '#',
        '/',
        '+',
        ' ',
        '%E2%28',
        '\uD800',
      ),
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
  });

  it(`mutated valid links are parsed to a valid draft or refused with a LatchkeyError (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(draftArb, fc.array(mutation, { minLength: 1, maxLength: 4 }), (draft, edits) => {
        let text = serializeOtpUri(draft);
        for (const { at, remove, insert } of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + remove);
        }
        const parsed = parseOrLatchkeyError(text);
        if (parsed) checkAccepted(parsed);
      }),
      { numRuns: RUNS },
    );
  });

  it(`manual entries only ever fail with a LatchkeyError (${RUNS} runs)`, () => {
    const maybeInt = fc.option(fc.oneof(fc.integer(), fc.double()), { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          issuer: fc.string({ unit: 'binary', maxLength: 300 }),
          name: fc.string({ unit: 'binary', maxLength: 300 }),
          secret: fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), fc.base64String()),
          type: fc.option(fc.constantFrom('totp', 'hotp', 'steam'), { nil: undefined }),
          algorithm: fc.option(fc.constantFrom('SHA1', 'SHA256', 'SHA512', 'MD5', ''), {
            nil: undefined,
          }),
          digits: maybeInt,
          period: maybeInt,
          counter: maybeInt,
        }),
        (entry) => {
          try {
            checkAccepted(draftFromManualEntry(entry).draft);
          } catch (error) {
            if (!(error instanceof LatchkeyError)) throw error;
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
