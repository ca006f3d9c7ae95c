import type { Account, OtpParams } from '../../shared/account';

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

/** One of the one-time recovery codes a service hands out at setup, kept as the service wrote it. */
export interface RecoveryCode {
  readonly code: string;
  readonly used: boolean;
}

/** An account as main holds it: the page-safe fields plus the key and the recovery codes. */
export interface SecretAccount extends Omit<Account, 'recovery'> {
  readonly secret: Uint8Array;
  readonly recoveryCodes: readonly RecoveryCode[];
}

/** Strips the secret: the only way an account should leave main. */
export function toPublicAccount(account: SecretAccount): Account {
  const { secret: _secret, recoveryCodes, ...rest } = account;
  void _secret;
  return {
    ...rest,
    recovery: { total: recoveryCodes.length, unused: recoveryCodes.filter((c) => !c.used).length },
  };
}
