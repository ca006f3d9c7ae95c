import type { ErrorInfo } from '../../../shared/errors/index';
import type { AccountDraft } from '../model';
import type { Pacer } from './pace';

/** Every backup format `importBackup` understands. */
export type ImportFormat =
  | 'google-migration'
  | 'aegis'
  | '2fas'
  | 'andotp'
  | 'bitwarden-json'
  | 'bitwarden-csv'
  | 'freeotp-plus'
  | 'ente'
  | 'proton-authenticator'
  | 'steam'
  | 'uri-list';

/** An account a backup holds but that could not be imported, with the reason. */
export interface EntryError {
  /** 0-based position of the entry in the file. */
  readonly index: number;
  /** What the other app called it (never the secret), for "entry 3 (GitHub): …". */
  readonly label: string;
  readonly error: ErrorInfo;
}

export interface ImportedEntry {
  readonly ok: true;
  readonly draft: AccountDraft;
  /** Things the user should know about this account (short secret, settings dropped). */
  readonly warnings: string[];
}

export interface FailedEntry extends EntryError {
  readonly ok: false;
}

export type ImportEntry = ImportedEntry | FailedEntry;

export interface ImportResult {
  readonly format: ImportFormat;
  readonly entries: ImportEntry[];
}

/** Caps on password stretching a file may ask for, so a hostile file cannot hang the app. */
export interface KdfLimits {
  /** Largest scrypt N accepted (default 2^20). */
  readonly maxScryptN: number;
  /**
   * Largest scrypt work N·r·p summed over every slot tried in one import (default 2^21: about
   * a second and 256 MiB here; Aegis writes 2^15·8·1 = 2^18 per slot).
   */
  readonly maxScryptWork: number;
  /** Most password slots tried in one import (default 3). */
  readonly maxPasswordSlots: number;
  /** Largest PBKDF2 iteration count accepted (default 10^7). */
  readonly maxPbkdf2Iterations: number;
}

export interface ImportOptions {
  readonly password?: string;
  readonly maxKdfCost?: Partial<KdfLimits>;
  /** Ends the import with `import.cancelled` (checked between password slots and entries). */
  readonly signal?: AbortSignal;
  /** Hands the event loop back during long imports (see pace.ts); none in the CLI. */
  readonly pace?: Pacer;
}
