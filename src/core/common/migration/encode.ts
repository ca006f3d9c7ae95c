import type { AccountDraft } from '../model';
import { ProtoWriter } from './protobuf';

/**
 * Writes Google Authenticator "Transfer accounts" links (see decode.ts for the schema), so an
 * account list can move to any app that scans them. Google's format carries only TOTP/HOTP
 * with 6 or 8 digits; other accounts are listed in `skipped` with the reason.
 */

export interface SkippedAccount {
  /** Position in the input list. */
  readonly index: number;
  readonly label: string;
  readonly reason: 'steam-not-supported' | 'digits-not-supported';
}

export interface MigrationExport {
  /** One link per QR code, in batch order. */
  readonly uris: string[];
  readonly skipped: SkippedAccount[];
}

const ALGORITHM = { SHA1: 1, SHA256: 2, SHA512: 3 } as const;
const DIGITS: Readonly<Record<number, number>> = { 6: 1, 8: 2 };
const TYPE = { hotp: 1, totp: 2 } as const;

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function randomBatchId(): number {
  const value = new Int32Array(1);
  crypto.getRandomValues(value);
  return value[0]!;
}

function encodeParameters(draft: AccountDraft): Uint8Array {
  const { otp } = draft;
  if (otp.type === 'steam') throw new Error('unreachable: steam filtered before encoding');
  const writer = new ProtoWriter()
    .bytesField(1, draft.secret)
    // Google writes the label as "Issuer:name", the way otpauth:// labels look.
    .stringField(2, draft.issuer ? `${draft.issuer}:${draft.name}` : draft.name);
  if (draft.issuer) writer.stringField(3, draft.issuer);
  writer
    .varintField(4, ALGORITHM[otp.algorithm])
    .varintField(5, DIGITS[otp.digits]!)
    .varintField(6, TYPE[otp.type]);
  if (otp.type === 'hotp') writer.varintField(7, otp.counter);
  return writer.finish();
}

export function encodeMigrationExport(
  drafts: readonly AccountDraft[],
  perCode = 10,
): MigrationExport {
  if (!Number.isInteger(perCode) || perCode < 1) throw new RangeError('perCode must be ≥ 1');
  const skipped: SkippedAccount[] = [];
  const carried: AccountDraft[] = [];
  drafts.forEach((draft, index) => {
    const label = [draft.issuer, draft.name].filter(Boolean).join(': ');
    if (draft.otp.type === 'steam') skipped.push({ index, label, reason: 'steam-not-supported' });
    else if (DIGITS[draft.otp.digits] === undefined) {
      skipped.push({ index, label, reason: 'digits-not-supported' });
    } else carried.push(draft);
  });
  const size = Math.ceil(carried.length / perCode);
  const id = randomBatchId();
  const uris: string[] = [];
  for (let batch = 0; batch < size; batch++) {
    const writer = new ProtoWriter();
    for (const draft of carried.slice(batch * perCode, (batch + 1) * perCode)) {
      writer.bytesField(1, encodeParameters(draft));
    }
    writer.varintField(2, 1).varintField(3, size).varintField(4, batch).varintField(5, id);
    uris.push(`otpauth-migration://offline?data=${encodeURIComponent(base64(writer.finish()))}`);
  }
  return { uris, skipped };
}

/** The links only; use `encodeMigrationExport` to learn which accounts were left out. */
export function encodeMigrationPayloads(drafts: readonly AccountDraft[], perCode = 10): string[] {
  return encodeMigrationExport(drafts, perCode).uris;
}
