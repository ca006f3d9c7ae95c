/**
 * The account model seen by every side. The secret is deliberately absent: it lives only in
 * main (see src/core/common/model.ts) and never crosses the bridge outside an explicit export.
 */

export type OtpType = 'totp' | 'hotp' | 'steam';
export type HashAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export const HASH_ALGORITHMS: readonly HashAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];
export const OTP_TYPES: readonly OtpType[] = ['totp', 'hotp', 'steam'];

/** Limits shared by the parser, the forms and the bridge validators. */
export const OTP_LIMITS = {
  minDigits: 6,
  maxDigits: 10,
  minPeriod: 1,
  maxPeriod: 3600,
  /**
   * Any secret that decodes to at least one byte is accepted: the service chooses the secret,
   * not the authenticator, and real services and other apps (oathtool, pyotp, Aegis) use short
   * ones. Below `recommendedSecretBytes` the account is kept with a `short-secret` warning.
   */
  minSecretBytes: 1,
  /** 80 bits: RFC 4226 §4 asks for at least 128 but many real services issue 80. */
  recommendedSecretBytes: 10,
  maxSecretBytes: 128,
  maxLabelLength: 256,
  maxUriLength: 4096,
} as const;

/** RFC 6238 time-based code. */
export interface TotpParams {
  readonly type: 'totp';
  readonly algorithm: HashAlgorithm;
  readonly digits: number;
  readonly period: number;
}

/** RFC 4226 counter-based code; `counter` is the value the next code will use. */
export interface HotpParams {
  readonly type: 'hotp';
  readonly algorithm: HashAlgorithm;
  readonly digits: number;
  readonly counter: number;
}

/** Steam Guard: TOTP SHA1/30 s rendered as 5 characters from Steam's 26-letter alphabet. */
export interface SteamParams {
  readonly type: 'steam';
  readonly algorithm: 'SHA1';
  readonly digits: 5;
  readonly period: 30;
}

export type OtpParams = TotpParams | HotpParams | SteamParams;

export type AccountId = string;

/**
 * How an account's tile looks. `auto`: the bundled brand icon matched on the issuer, else a
 * monogram; `brand`: a bundled icon the user picked (simple-icons slug); `picture`: a small PNG
 * (base64) made in main from a picture file or an imported icon; `none`: no tile.
 */
export type AccountIcon =
  | { readonly kind: 'auto' }
  | { readonly kind: 'none' }
  | { readonly kind: 'brand'; readonly slug: string }
  | { readonly kind: 'picture'; readonly png: string };

export const ICON_LIMITS = {
  /** Pictures are re-encoded to at most this many pixels a side. */
  pictureSide: 64,
  /** Base64 length of a stored picture (a 64×64 RGBA PNG is far below this). */
  maxPictureBase64: 40_000,
  maxSlugLength: 64,
} as const;

/** Notes and group names: generous, but bounded so a hostile import cannot bloat the vault. */
export const ORGANISE_LIMITS = {
  maxNoteLength: 10_000,
  maxGroups: 64,
  maxGroupLength: 64,
} as const;

export interface Account {
  readonly id: AccountId;
  readonly issuer: string;
  readonly name: string;
  readonly otp: OtpParams;
  readonly favorite: boolean;
  readonly groups: readonly string[];
  readonly note: string;
  /** Unix milliseconds. */
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
  /** How many times a code was copied (for the "most used" order). */
  readonly useCount: number;
  readonly icon: AccountIcon;
  /** How many of the service's recovery codes are stored, and how many are not yet used. */
  readonly recovery: { readonly total: number; readonly unused: number };
}

/** A one-time code as the page sees it. Times are Unix milliseconds. */
export interface CodeView {
  readonly id: AccountId;
  readonly code: string;
  /** Seconds; null for HOTP, whose code stays until the next one is requested. */
  readonly period: number | null;
  readonly validFrom: number;
  readonly validUntil: number | null;
  /** The following code, present when the current one expires within a few seconds. */
  readonly next?: {
    readonly code: string;
    readonly validFrom: number;
    readonly validUntil: number;
  };
}

export function accountLabel(account: Pick<Account, 'issuer' | 'name'>): string {
  return account.issuer && account.name
    ? `${account.issuer} (${account.name})`
    : account.issuer || account.name || 'Unnamed account';
}
