import type { AccountId, OtpParams } from './account';
import type { ErrorInfo } from './errors';

/**
 * Accounts found by a scan or an import, held in main until the user confirms. The page sees
 * what it needs to decide — labels, kind, duplicates — never the secret.
 */
export interface StagedAccountView {
  readonly key: string;
  readonly issuer: string;
  readonly name: string;
  readonly otp: OtpParams;
  /** The existing account with the same secret and type, if any. */
  readonly duplicateOf: AccountId | null;
  /** Where it came from: "QR code 2", "Google Authenticator export, part 1 of 3", "entry 4". */
  readonly source: string;
  /** For scans: the position of the QR text it was read from in the last `scan:read-texts` call. */
  readonly origin: number | null;
  readonly warnings: readonly string[];
}

/** Something that was found but cannot be added, with the reason. */
export interface StagingProblem {
  readonly source: string;
  /** A short, display-safe excerpt of what was read (never a secret we recognised). */
  readonly excerpt: string;
  readonly error: ErrorInfo;
}

/** Progress of a Google Authenticator export that spans several QR codes. */
export interface BatchProgressView {
  readonly id: number;
  readonly size: number;
  /** 1-based part numbers, as the phone shows them. */
  readonly received: readonly number[];
  readonly missing: readonly number[];
}

export interface StagingView {
  readonly items: readonly StagedAccountView[];
  readonly problems: readonly StagingProblem[];
  readonly batches: readonly BatchProgressView[];
}
