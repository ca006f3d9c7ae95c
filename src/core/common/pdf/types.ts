import type { OtpParams } from '../../../shared/account';

/** One recovery code as the user saved it; `used` codes are printed struck through. */
export interface KitRecoveryCode {
  readonly code: string;
  readonly used: boolean;
}

/** Everything the emergency kit prints about one account. Carries the secret: main-side or export-time only. */
export interface KitAccount {
  readonly issuer: string;
  readonly name: string;
  /** The canonical otpauth:// URI; this exact text is what the printed QR code holds. */
  readonly uri: string;
  readonly secretBase32: string;
  readonly otp: OtpParams;
  readonly recoveryCodes: readonly KitRecoveryCode[];
}

export type KitVariant = 'full' | 'recovery-only';

export interface KitOptions {
  /** `recovery-only` prints no secret and no QR code of a secret. */
  readonly variant: KitVariant;
  /** Adds the Google Authenticator transfer section (needs `transferUris`). Full variant only. */
  readonly includeTransferCodes?: boolean;
  /** Printed on the cover and stored as the PDF's creation date. */
  readonly createdAt: Date;
  /** `otpauth-migration://` texts, one per transfer QR code, in order. */
  readonly transferUris?: readonly string[];
}

/**
 * Where a QR code was drawn: the square including its 4-module quiet zone, in millimetres from
 * the page's top-left corner; pages count from 1 (page 1 is the cover).
 */
export interface DrawnQr {
  readonly text: string;
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

export interface EmergencyKit {
  readonly pdf: Uint8Array;
  readonly qrCodes: readonly DrawnQr[];
}
