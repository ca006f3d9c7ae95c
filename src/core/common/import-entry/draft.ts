import { OTP_LIMITS, type HashAlgorithm, type OtpParams } from '../../../shared/account';
import { LatchkeyError } from '../../../shared/errors/index';
import type { AccountDraft } from '../model';
import { secretWarnings } from '../uri/warnings';

/**
 * One account as a backup format describes it, before validation. Formats fill what they
 * store; `null`/`undefined` means "not stored" and takes the usual default (SHA1, 6 digits,
 * 30 s, counter 0), the defaults of the Key URI Format that every app shares.
 */
export interface RawEntry {
  readonly type: string;
  readonly issuer?: string | null;
  readonly name?: string | null;
  readonly secret: Uint8Array | null;
  readonly algorithm?: string | null;
  readonly digits?: number | string | null;
  readonly period?: number | string | null;
  readonly counter?: number | string | null;
}

export interface CheckedDraft {
  readonly draft: AccountDraft;
  readonly warnings: string[];
}

const ALGORITHMS: Readonly<Record<string, HashAlgorithm>> = {
  SHA1: 'SHA1',
  SHA256: 'SHA256',
  SHA512: 'SHA512',
};

function toInteger(value: number | string | null | undefined): number | null | 'invalid' {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) ? n : 'invalid';
}

function checkLabel(text: string | null | undefined): string {
  const value = (text ?? '').trim();
  if (value.length > OTP_LIMITS.maxLabelLength) throw new LatchkeyError('import.label-too-long');
  return value;
}

/** The same limits and `short-secret` warning as typed and scanned accounts (src/core/common/uri). */
function checkSecret(secret: Uint8Array | null, warnings: string[]): Uint8Array {
  if (secret === null || secret.length < OTP_LIMITS.minSecretBytes) {
    throw new LatchkeyError('import.secret-invalid');
  }
  if (secret.length > OTP_LIMITS.maxSecretBytes) throw new LatchkeyError('import.secret-invalid');
  warnings.push(...secretWarnings(secret).map((w) => w.message));
  return secret;
}

function checkAlgorithm(value: string | null | undefined): HashAlgorithm {
  if (value === null || value === undefined || value === '') return 'SHA1';
  const algorithm = ALGORITHMS[value.toUpperCase().replace(/[-_\s]/g, '')];
  if (!algorithm) {
    throw new LatchkeyError('import.unsupported-algorithm', {
      details: { algorithm: value.slice(0, 20) },
    });
  }
  return algorithm;
}

function checkDigits(value: RawEntry['digits']): number {
  const digits = toInteger(value) ?? 6;
  if (digits === 'invalid' || digits < OTP_LIMITS.minDigits || digits > OTP_LIMITS.maxDigits) {
    throw new LatchkeyError('import.digits-out-of-range');
  }
  return digits;
}

function checkPeriod(value: RawEntry['period']): number {
  const period = toInteger(value) ?? 30;
  if (period === 'invalid' || period < OTP_LIMITS.minPeriod || period > OTP_LIMITS.maxPeriod) {
    throw new LatchkeyError('import.period-out-of-range');
  }
  return period;
}

function checkCounter(value: RawEntry['counter']): number {
  const counter = toInteger(value) ?? 0;
  if (counter === 'invalid' || counter < 0) throw new LatchkeyError('import.counter-invalid');
  return counter;
}

function checkParams(entry: RawEntry, warnings: string[]): OtpParams {
  const type = entry.type.toLowerCase();
  if (type === 'totp') {
    return {
      type,
      algorithm: checkAlgorithm(entry.algorithm),
      digits: checkDigits(entry.digits),
      period: checkPeriod(entry.period),
    };
  }
  if (type === 'hotp') {
    return {
      type,
      algorithm: checkAlgorithm(entry.algorithm),
      digits: checkDigits(entry.digits),
      counter: checkCounter(entry.counter),
    };
  }
  if (type === 'steam') {
    // Steam Guard is fixed at SHA1/5/30 (the app ignores anything else); say so if it differed.
    const period = toInteger(entry.period);
    if (checkAlgorithm(entry.algorithm) !== 'SHA1' || (period !== null && period !== 30)) {
      warnings.push(
        'Steam codes always use SHA1 and 30 seconds; the stored settings were ignored.',
      );
    }
    return { type, algorithm: 'SHA1', digits: 5, period: 30 };
  }
  throw new LatchkeyError('import.unsupported-type', {
    details: { type: entry.type.slice(0, 20) },
  });
}

/** Validates one entry against the limits every Latchkey account obeys; throws `import.*`. */
export function checkEntry(entry: RawEntry): CheckedDraft {
  const warnings: string[] = [];
  const otp = checkParams(entry, warnings);
  const draft: AccountDraft = {
    issuer: checkLabel(entry.issuer),
    name: checkLabel(entry.name),
    otp,
    secret: checkSecret(entry.secret, warnings),
  };
  return { draft, warnings };
}

/**
 * Splits an "Issuer:account" label the way the Key URI Format does: the prefix is the issuer
 * when no issuer is stored, or is dropped when it repeats the stored issuer.
 */
export function splitLabel(label: string, issuer: string): { issuer: string; name: string } {
  const colon = label.indexOf(':');
  if (colon < 0) return { issuer: issuer.trim(), name: label.trim() };
  const prefix = label.slice(0, colon).trim();
  const rest = label.slice(colon + 1).trim();
  const stored = issuer.trim();
  if (stored === '') return { issuer: prefix, name: rest };
  if (prefix.toLowerCase() === stored.toLowerCase()) return { issuer: stored, name: rest };
  return { issuer: stored, name: label.trim() };
}
