import { accountErrorMessages, type AccountErrorCode } from './accounts';
import { backupErrorMessages, type BackupErrorCode } from './backup';
import { backupAppErrorMessages, type BackupAppErrorCode } from './backup-app';
import { bridgeErrorMessages, type BridgeErrorCode } from './bridge';
import { qrErrorMessages, type QrErrorCode } from './qr';
import { shellErrorMessages, type ShellErrorCode } from './shell';
import { importErrorMessages, type ImportErrorCode } from './import';
import { stagingErrorMessages, type StagingErrorCode } from './staging';
import { uriErrorMessages, type UriErrorCode } from './uri';
import { vaultErrorMessages, type VaultErrorCode } from './vault';

/**
 * Every error a user can meet has a code in this union. A code is stable (tests and the CLI
 * rely on it); the message is what a person reads. Each domain owns one file under errors/.
 */
export type ErrorCode =
  | UriErrorCode
  | BridgeErrorCode
  | AccountErrorCode
  | QrErrorCode
  | ImportErrorCode
  | BackupErrorCode
  | VaultErrorCode
  | StagingErrorCode
  | BackupAppErrorCode
  | ShellErrorCode;

const messages: Record<ErrorCode, string> = {
  ...uriErrorMessages,
  ...vaultErrorMessages,
  ...bridgeErrorMessages,
  ...accountErrorMessages,
  ...backupErrorMessages,
  ...qrErrorMessages,
  ...importErrorMessages,
  ...stagingErrorMessages,
  ...backupAppErrorMessages,
  ...shellErrorMessages,
};

/** A JSON-safe description of a failure: what crosses the bridge and what the CLI prints. */
export interface ErrorInfo {
  readonly code: ErrorCode;
  readonly message: string;
  /** Extra context for the UI (e.g. which form field), never a secret. */
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

export class LatchkeyError extends Error {
  readonly code: ErrorCode;
  readonly details?: Readonly<Record<string, string | number | boolean>>;

  constructor(
    code: ErrorCode,
    options: { message?: string; details?: Record<string, string | number | boolean> } = {},
  ) {
    super(options.message ?? messages[code]);
    this.name = 'LatchkeyError';
    this.code = code;
    this.details = options.details;
  }

  toInfo(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function defaultMessage(code: ErrorCode): string {
  return messages[code];
}

export function isLatchkeyError(value: unknown): value is LatchkeyError {
  return value instanceof LatchkeyError;
}
