import type { OtpParams } from './account';

/** What a backup reminder needs to know. */
export interface BackupStatusView {
  readonly lastBackup: {
    readonly at: number;
    readonly kind: 'pdf' | 'aegis' | 'uris' | 'auto';
  } | null;
  /** True when the accounts differ from those in the last backup (or there never was one). */
  readonly changedSinceBackup: boolean;
  readonly accountCount: number;
  readonly autoBackup: { readonly folder: string; readonly keep: number } | null;
  /** Automatic backups are copies of the vault: only a password opens them elsewhere. */
  readonly canAutoBackup: boolean;
  /**
   * Automatic backups in the folder written before the password (or the way to unlock) last
   * changed: they still open with what they were written with. backup:replace-old-auto.
   */
  readonly oldKeyAutoBackups: number;
}

/**
 * One account's data for the printed emergency kit. It carries the secret: the page receives it
 * only for an explicit export the user re-authenticated for, and drops it once the PDF is saved.
 */
export interface KitAccountData {
  readonly issuer: string;
  readonly name: string;
  readonly uri: string;
  readonly secretBase32: string;
  readonly otp: OtpParams;
  readonly recoveryCodes: readonly { readonly code: string; readonly used: boolean }[];
}

export interface KitData {
  /** Lets the page save this export's PDF through main once. */
  readonly token: string;
  readonly accounts: readonly KitAccountData[];
  /** Google Authenticator transfer QR texts, when asked for. */
  readonly transferUris: readonly string[];
  /** Accounts the transfer format cannot carry, by label. */
  readonly notTransferable: readonly string[];
}

/** A backup file opened for import; the bytes stay in main. */
export interface ImportFileView {
  readonly token: string;
  readonly fileName: string;
  readonly format: string | null;
  readonly needsPassword: boolean;
}

/** How far a long import has got (sent for imports of 1,000 entries or more). */
export interface ImportProgress {
  /** The open file's token (ImportFileView.token). */
  readonly token: string;
  /** 'reading' the backup's entries, then 'staging' them for the preview. */
  readonly phase: 'reading' | 'staging';
  readonly done: number;
  readonly total: number;
}
