import type { Account, AccountIcon, OtpParams } from '../../shared/account';

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
  /** What a backup kept besides the key (importers fill these where the source has them). */
  readonly favorite?: boolean;
  readonly groups?: readonly string[];
  readonly note?: string;
  readonly icon?: AccountIcon;
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

type Keyed = { readonly otp: { readonly type: string }; readonly secret: Uint8Array };

/** Same secret and same type: the one duplicate rule for scans, imports, links and typed keys. */
export const sameKey = (a: Keyed, b: Keyed): boolean =>
  a.otp.type === b.otp.type &&
  a.secret.length === b.secret.length &&
  a.secret.every((byte, i) => byte === b.secret[i]);

/**
 * The `sameKey` rule as a string, for hashing: two accounts have equal keys exactly when
 * `sameKey` holds, so duplicate checks over thousands of accounts are one Map lookup each.
 */
export function duplicateKey(a: Keyed): string {
  // One char per byte (a Map key, never shown): far cheaper than hex for 40,000 accounts.
  return `${a.otp.type}:${String.fromCharCode(...a.secret)}`;
}

export function findDuplicate<T extends Keyed>(accounts: readonly T[], draft: Keyed): T | null {
  return accounts.find((a) => sameKey(a, draft)) ?? null;
}
