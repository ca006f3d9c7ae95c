import type { HashAlgorithm } from '../../../shared/account';
import { LatchkeyError, isLatchkeyError } from '../../../shared/errors/index';
import { checkEntry, splitLabel, type CheckedDraft } from '../import-entry/draft';
import type { EntryError } from '../import-entry/types';
import type { AccountDraft } from '../model';
import { ProtoReader, WIRE, asInt32 } from './protobuf';

/**
 * Decoder for Google Authenticator's "Transfer accounts" links,
 * `otpauth-migration://offline?data=<base64 protobuf MigrationPayload>`.
 * Schema (as published by the tools that reverse-engineered it, e.g. scito/extract_otp_secrets
 * `google_auth.proto`): MigrationPayload{ repeated OtpParameters otp_parameters=1; int32
 * version=2; int32 batch_size=3; int32 batch_index=4; int32 batch_id=5 } and OtpParameters{
 * bytes secret=1; string name=2; string issuer=3; Algorithm algorithm=4; DigitCount digits=5;
 * OtpType type=6; int64 counter=7 }.
 */

export interface MigrationBatch {
  /** 0-based position of this QR code in the export. */
  readonly index: number;
  /** How many QR codes the export has. */
  readonly size: number;
  /** Shared by every QR code of one export; tells exports apart. */
  readonly id: number;
}

export interface DecodedMigration {
  readonly accounts: AccountDraft[];
  /** `warnings[i]` are the messages for `accounts[i]` (e.g. a secret under 80 bits). */
  readonly warnings: string[][];
  readonly batch: MigrationBatch | null;
  /** Accounts present in the payload that Latchkey cannot use, with the reason. */
  readonly errors: EntryError[];
}

/** A QR code holds at most ~4.3 kB; anything far beyond that is not a real export. */
export const MAX_MIGRATION_URI_LENGTH = 16_384;

/**
 * Google's app splits an export at about 10 accounts per QR code, so 100 parts is 1,000
 * accounts; a link claiming more is hostile or broken, and callers that list missing parts
 * must never allocate per *declared* part.
 */
export const MAX_MIGRATION_PARTS = 100;

const PREFIX = /^otpauth-migration:\/\/offline\/?\?/i;

const ALGORITHM: Readonly<Record<number, HashAlgorithm | 'MD5'>> = {
  0: 'SHA1',
  1: 'SHA1',
  2: 'SHA256',
  3: 'SHA512',
  4: 'MD5',
};
const DIGITS: Readonly<Record<number, number>> = { 0: 6, 1: 6, 2: 8 };
/** OtpType: 1 HOTP, 2 TOTP; Google itself writes 2 for TOTP, and 0 means "not set" → TOTP. */
const TYPE: Readonly<Record<number, string>> = { 0: 'totp', 1: 'hotp', 2: 'totp' };

interface RawParameters {
  secret: Uint8Array | null;
  name: string;
  issuer: string;
  algorithm: number;
  digits: number;
  type: number;
  counter: bigint;
}

/** Extracts the base64 text of the `data` parameter; tolerant of the ways links get mangled. */
function extractData(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new LatchkeyError('migration.not-migration');
  if (trimmed.length > MAX_MIGRATION_URI_LENGTH) throw new LatchkeyError('migration.too-long');
  const prefix = PREFIX.exec(trimmed);
  if (!prefix) throw new LatchkeyError('migration.not-migration');
  const query = trimmed.slice(prefix[0].length).split('#')[0]!;
  const pair = query.split('&').find((p) => p.toLowerCase().startsWith('data='));
  if (pair === undefined) throw new LatchkeyError('migration.not-migration');
  let value: string;
  try {
    // Not form decoding: a raw "+" is a base64 character here and must stay one.
    value = decodeURIComponent(pair.slice('data='.length));
  } catch {
    throw new LatchkeyError('migration.bad-base64');
  }
  if (value.trim() === '')
    throw new LatchkeyError('migration.malformed', { details: { reason: 'no data' } });
  // A "+" that some tool turned into a space comes back as a "+".
  return value.replace(/ /g, '+');
}

const BASE64 = /^[A-Za-z0-9+/\-_]*={0,2}$/;

/** Standard or URL-safe base64, padding optional (RFC 4648 §4 and §5). */
export function decodeBase64Loose(text: string): Uint8Array {
  if (!BASE64.test(text)) throw new LatchkeyError('migration.bad-base64');
  const body = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (body.length % 4 === 1) throw new LatchkeyError('migration.bad-base64');
  const binary = atob(body + '='.repeat((4 - (body.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function utf8(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new LatchkeyError('migration.malformed', { details: { reason: 'text is not UTF-8' } });
  }
}

function readParameters(bytes: Uint8Array): RawParameters {
  const reader = new ProtoReader(bytes);
  const out: RawParameters = {
    secret: null,
    name: '',
    issuer: '',
    algorithm: 0,
    digits: 0,
    type: 0,
    counter: 0n,
  };
  while (!reader.done) {
    const { field, wire } = reader.tag();
    const expected = field <= 3 ? WIRE.lengthDelimited : field <= 7 ? WIRE.varint : -1;
    if (wire !== expected) {
      reader.skip(wire);
      continue;
    }
    if (field === 1) out.secret = reader.lengthDelimited();
    else if (field === 2) out.name = utf8(reader.lengthDelimited());
    else if (field === 3) out.issuer = utf8(reader.lengthDelimited());
    else if (field === 4) out.algorithm = asInt32(reader.varint());
    else if (field === 5) out.digits = asInt32(reader.varint());
    else if (field === 6) out.type = asInt32(reader.varint());
    else out.counter = BigInt.asIntN(64, reader.varint());
  }
  return out;
}

function toDraft(raw: RawParameters): CheckedDraft {
  const type = TYPE[raw.type];
  if (type === undefined) {
    throw new LatchkeyError('import.unsupported-type', { details: { type: raw.type } });
  }
  const algorithm = ALGORITHM[raw.algorithm];
  if (algorithm === undefined || algorithm === 'MD5') {
    throw new LatchkeyError('import.unsupported-algorithm', {
      details: { algorithm: algorithm ?? String(raw.algorithm) },
    });
  }
  const digits = DIGITS[raw.digits];
  if (digits === undefined) throw new LatchkeyError('import.digits-out-of-range');
  if (raw.counter < 0n || raw.counter > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new LatchkeyError('import.counter-invalid');
  }
  const { issuer, name } = splitLabel(raw.name, raw.issuer);
  return checkEntry({
    type,
    issuer,
    name,
    secret: raw.secret,
    algorithm,
    digits,
    counter: Number(raw.counter),
  });
}

function labelOf(raw: RawParameters): string {
  return [raw.issuer, raw.name].filter((s) => s !== '').join(': ') || 'unnamed';
}

/**
 * Decodes one `otpauth-migration://` link. Whole-payload damage (not a migration link, bad
 * base64, truncated or malformed protobuf) throws a `migration.*` LatchkeyError; an account
 * Latchkey cannot use (MD5, unknown type) is reported in `errors` and the rest still import.
 */
export function decodeMigrationUri(text: string): DecodedMigration {
  const payload = decodeBase64Loose(extractData(text));
  const reader = new ProtoReader(payload);
  const accounts: AccountDraft[] = [];
  const warnings: string[][] = [];
  const errors: EntryError[] = [];
  let batchSize = 0;
  let batchIndex = 0;
  let batchId = 0;
  let index = 0;
  while (!reader.done) {
    const { field, wire } = reader.tag();
    if (field === 1 && wire === WIRE.lengthDelimited) {
      const raw = readParameters(reader.lengthDelimited());
      try {
        const checked = toDraft(raw);
        accounts.push(checked.draft);
        warnings.push(checked.warnings);
      } catch (error) {
        if (!isLatchkeyError(error)) throw error;
        errors.push({ index, label: labelOf(raw), error: error.toInfo() });
      }
      index++;
    } else if (field >= 2 && field <= 5 && wire === WIRE.varint) {
      const value = asInt32(reader.varint());
      if (field === 3) batchSize = value;
      else if (field === 4) batchIndex = value;
      else if (field === 5) batchId = value;
    } else {
      reader.skip(wire);
    }
  }
  return { accounts, warnings, batch: checkedBatch(batchSize, batchIndex, batchId), errors };
}

/** No batch fields (size 0) means a single-code export; anything else must be a sane part. */
function checkedBatch(size: number, index: number, id: number): MigrationBatch | null {
  if (size === 0 && index === 0) return null;
  if (size >= 1 && size <= MAX_MIGRATION_PARTS && index >= 0 && index < size)
    return { index, size, id };
  throw new LatchkeyError('migration.batch-out-of-range', {
    message: `This Google Authenticator export link says it is part ${index + 1} of ${size} QR codes; a real export has 1 to ${MAX_MIGRATION_PARTS} parts, so it was not read.`,
    details: { size, index, maxParts: MAX_MIGRATION_PARTS },
  });
}
