import type { Account, OtpParams } from '../shared/account';

/**
 * Main-side shapes that carry a secret. Nothing here may be sent to the page: the bridge
 * handlers map these to `Account` / `CodeView` before returning.
 */

/** What parsing an otpauth:// text (or an importer entry) yields. */
export interface AccountDraft {
  readonly issuer: string;
  readonly name: string;
  readonly otp: OtpParams;
  /** Raw key bytes (already base32-decoded). */
  readonly secret: Uint8Array;
}

/** An account as main holds it: the page-safe fields plus the key. */
export interface SecretAccount extends Account {
  readonly secret: Uint8Array;
}

/** Strips the secret: the only way an account should leave main. */
export function toPublicAccount(account: SecretAccount): Account {
  const { secret: _secret, ...rest } = account;
  void _secret;
  return rest;
}
