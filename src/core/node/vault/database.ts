import {
  HASH_ALGORITHMS,
  ICON_LIMITS,
  ORGANISE_LIMITS,
  OTP_LIMITS,
  type AccountIcon,
  type OtpParams,
} from '../../../shared/account';
import {
  DENSITIES,
  SORT_ORDERS,
  type Density,
  type SortOrder,
} from '../../../shared/list-preferences';
import { LatchkeyError } from '../../../shared/errors';
import { decodeBase32, decodeBase32Exact, encodeBase32 } from '../../common/encoding/base32';
import type { SecretAccount } from '../../common/model';

/**
 * The encrypted payload's plaintext: accounts (secrets as base32 inside the ciphertext) and the
 * settings, as UTF-8 JSON. Decoding is strict; a payload that authenticated but does not fit this
 * shape is treated as damage (`vault.corrupt`), never silently repaired.
 */
export const DATABASE_VERSION = 1;

export type BackupKind = 'pdf' | 'aegis' | 'uris' | 'auto';

export interface VaultSettings {
  /** Minutes of inactivity before the vault locks itself; null = never. */
  readonly autoLockMinutes: number | null;
  /** The last backup of any kind, and a fingerprint of the accounts it held (for reminders). */
  readonly lastBackup: {
    readonly at: number;
    readonly kind: BackupKind;
    readonly fingerprint: string;
  } | null;
  /** Encrypted copies of the vault written to a folder after every change, newest `keep` kept. */
  readonly autoBackup: { readonly folder: string; readonly keep: number } | null;
  /** Ask the OS to keep the window out of screenshots and screen sharing (Windows, macOS). */
  readonly contentProtection: boolean;
  /** How the code list is ordered and drawn, and the known groups (a group may be empty). */
  readonly sortOrder: SortOrder;
  readonly density: Density;
  readonly showNextCode: boolean;
  readonly groups: readonly string[];
}

export const DEFAULT_SETTINGS: VaultSettings = {
  autoLockMinutes: 5,
  contentProtection: true,
  lastBackup: null,
  autoBackup: null,
  sortOrder: 'custom',
  density: 'comfortable',
  showNextCode: true,
  groups: [],
};

const BACKUP_KINDS: readonly BackupKind[] = ['pdf', 'aegis', 'uris', 'auto'];
export const MAX_RECOVERY_CODES = 100;
export const MAX_RECOVERY_CODE_LENGTH = 200;

export interface VaultDatabase {
  readonly accounts: readonly SecretAccount[];
  readonly settings: VaultSettings;
}

type Issue = (reason: string) => LatchkeyError;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isCount = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function checkOtp(value: unknown, issue: Issue): OtpParams {
  if (!isRecord(value)) throw issue('otp');
  const algorithmOk = HASH_ALGORITHMS.includes(value.algorithm as never);
  if (value.type === 'steam') {
    if (value.algorithm !== 'SHA1' || value.digits !== 5 || value.period !== 30) throw issue('otp');
    return { type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 };
  }
  if (!algorithmOk || !isCount(value.digits, OTP_LIMITS.minDigits, OTP_LIMITS.maxDigits)) {
    throw issue('otp');
  }
  const base = { algorithm: value.algorithm as OtpParams['algorithm'], digits: value.digits };
  if (value.type === 'totp' && isCount(value.period, OTP_LIMITS.minPeriod, OTP_LIMITS.maxPeriod)) {
    return { type: 'totp', ...base, period: value.period } as OtpParams;
  }
  if (value.type === 'hotp' && isCount(value.counter, 0, Number.MAX_SAFE_INTEGER)) {
    return { type: 'hotp', ...base, counter: value.counter } as OtpParams;
  }
  throw issue('otp');
}

const isLabel = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= OTP_LIMITS.maxLabelLength;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const isGroupList = (v: unknown): v is string[] =>
  Array.isArray(v) &&
  v.length <= ORGANISE_LIMITS.maxGroups &&
  v.every(
    (g) => typeof g === 'string' && g.length > 0 && g.length <= ORGANISE_LIMITS.maxGroupLength,
  );

/** Absent in vaults written before icons existed: those accounts match a brand icon by issuer. */
function checkIcon(value: unknown, issue: Issue): AccountIcon {
  if (value === undefined) return { kind: 'auto' };
  if (!isRecord(value)) throw issue('icon');
  if (value.kind === 'auto' || value.kind === 'none') return { kind: value.kind };
  if (
    value.kind === 'brand' &&
    typeof value.slug === 'string' &&
    /^[a-z0-9_]+$/.test(value.slug) &&
    value.slug.length <= ICON_LIMITS.maxSlugLength
  ) {
    return { kind: 'brand', slug: value.slug };
  }
  if (
    value.kind === 'picture' &&
    typeof value.png === 'string' &&
    value.png.length <= ICON_LIMITS.maxPictureBase64 &&
    /^[A-Za-z0-9+/]+={0,2}$/.test(value.png)
  ) {
    return { kind: 'picture', png: value.png };
  }
  throw issue('icon');
}

/**
 * Validates one account in its stored (JSON) or in-memory shape and returns a clean copy holding
 * `secret` (checked by the caller); built as one object so a 10,000-account unlock allocates once
 * per account, not twice.
 */
function checkAccountFields(
  value: Record<string, unknown>,
  issue: Issue,
  secret: Uint8Array,
): SecretAccount {
  const { id, issuer, name, favorite, groups, note, createdAt, lastUsedAt } = value;
  // Absent in vaults written before recovery codes existed.
  const recoveryCodes = value.recoveryCodes ?? [];
  if (
    !Array.isArray(recoveryCodes) ||
    recoveryCodes.length > MAX_RECOVERY_CODES ||
    !recoveryCodes.every(
      (c: unknown) =>
        isRecord(c) &&
        typeof c.code === 'string' &&
        c.code.length > 0 &&
        c.code.length <= MAX_RECOVERY_CODE_LENGTH &&
        typeof c.used === 'boolean',
    )
  ) {
    throw issue('recovery-codes');
  }
  if (typeof id !== 'string' || id.length === 0 || id.length > 128) throw issue('id');
  if (!isLabel(issuer) || !isLabel(name)) throw issue('label');
  if (
    typeof favorite !== 'boolean' ||
    typeof note !== 'string' ||
    note.length > ORGANISE_LIMITS.maxNoteLength
  ) {
    throw issue('fields');
  }
  if (!isGroupList(groups)) throw issue('groups');
  if (!isTime(createdAt) || !(lastUsedAt === null || isTime(lastUsedAt))) throw issue('times');
  // Absent in vaults written before usage was counted.
  const useCount = value.useCount ?? 0;
  if (!isCount(useCount, 0, Number.MAX_SAFE_INTEGER)) throw issue('use-count');
  const icon = checkIcon(value.icon, issue);
  const otp = checkOtp(value.otp, issue);
  return {
    id,
    issuer,
    name,
    otp,
    secret,
    favorite,
    groups: [...groups],
    note,
    createdAt,
    lastUsedAt,
    useCount,
    icon,
    recoveryCodes: recoveryCodes.map((c: { code: string; used: boolean }) => ({
      code: c.code,
      used: c.used,
    })),
  };
}

/** The parser's limits (src/core/common/uri): whatever can be added must also load again. */
function checkSecretLength(secret: Uint8Array, issue: Issue): void {
  if (secret.length < OTP_LIMITS.minSecretBytes || secret.length > OTP_LIMITS.maxSecretBytes) {
    throw issue('secret');
  }
}

export function checkSettings(value: unknown, issue: Issue): VaultSettings {
  if (!isRecord(value)) throw issue('settings');
  const minutes = value.autoLockMinutes;
  if (!(minutes === null || isCount(minutes, 1, 24 * 60))) throw issue('settings');
  const protection = value.contentProtection ?? true;
  if (typeof protection !== 'boolean') throw issue('settings');
  const last = value.lastBackup ?? null;
  if (
    last !== null &&
    !(
      isRecord(last) &&
      isTime(last.at) &&
      BACKUP_KINDS.includes(last.kind as BackupKind) &&
      typeof last.fingerprint === 'string' &&
      last.fingerprint.length <= 128
    )
  ) {
    throw issue('settings');
  }
  const auto = value.autoBackup ?? null;
  if (
    auto !== null &&
    !(
      isRecord(auto) &&
      typeof auto.folder === 'string' &&
      auto.folder.length > 0 &&
      auto.folder.length <= 4096 &&
      isCount(auto.keep, 1, 1000)
    )
  ) {
    throw issue('settings');
  }
  // The list preferences are absent in vaults written before they existed.
  const sortOrder = value.sortOrder ?? DEFAULT_SETTINGS.sortOrder;
  const density = value.density ?? DEFAULT_SETTINGS.density;
  const showNextCode = value.showNextCode ?? DEFAULT_SETTINGS.showNextCode;
  const groups = value.groups ?? [];
  if (
    !SORT_ORDERS.includes(sortOrder as SortOrder) ||
    !DENSITIES.includes(density as Density) ||
    typeof showNextCode !== 'boolean' ||
    !isGroupList(groups)
  ) {
    throw issue('settings');
  }
  return {
    sortOrder: sortOrder as SortOrder,
    density: density as Density,
    showNextCode,
    groups: [...groups],
    autoLockMinutes: minutes,
    contentProtection: protection,
    lastBackup:
      last === null
        ? null
        : {
            at: last.at as number,
            kind: last.kind as BackupKind,
            fingerprint: last.fingerprint as string,
          },
    autoBackup: auto === null ? null : { folder: auto.folder as string, keep: auto.keep as number },
  };
}

/**
 * Account objects whose fields already passed checkAccountFields. Accounts are immutable values
 * (a change makes a new object), so a save re-checks only the accounts it changed, not all
 * 10,000; the secret's length and the ids are still checked on every save.
 */
const checkedFields = new WeakSet<SecretAccount>();

/** Rejects what a mutator must not produce: bad fields, bad secret sizes, duplicate ids. */
export function checkAccounts(accounts: readonly SecretAccount[]): void {
  const issue: Issue = (reason) => new LatchkeyError('vault.invalid-data', { details: { reason } });
  const ids = new Set<string>();
  for (const account of accounts) {
    if (!isRecord(account) || !(account.secret instanceof Uint8Array)) throw issue('account');
    if (!checkedFields.has(account)) {
      checkAccountFields(account as unknown as Record<string, unknown>, issue, account.secret);
      checkedFields.add(account);
    }
    checkSecretLength(account.secret, issue);
    if (ids.has(account.id)) throw issue('duplicate-id');
    ids.add(account.id);
  }
}

export function encodeDatabase(db: VaultDatabase): Buffer {
  const accounts = db.accounts.map((a) => storedAccount(a, encodeBase32(a.secret)));
  return Buffer.from(
    JSON.stringify({ version: DATABASE_VERSION, accounts, settings: db.settings }),
    'utf8',
  );
}

/** One account as the payload stores it, with `secret` as given (base32 text). */
export function storedAccount(a: SecretAccount, secret: string): Record<string, unknown> {
  return {
    id: a.id,
    issuer: a.issuer,
    name: a.name,
    otp: a.otp,
    secret,
    favorite: a.favorite,
    groups: a.groups,
    note: a.note,
    createdAt: a.createdAt,
    lastUsedAt: a.lastUsedAt,
    useCount: a.useCount,
    icon: a.icon,
    recoveryCodes: a.recoveryCodes,
  };
}

/**
 * The stored secret: encodeBase32's canonical form decoded without the tolerant decoder's
 * clean-up passes; any other text goes through decodeBase32 as before.
 */
function decodeStoredSecret(text: string): Uint8Array | null {
  return decodeBase32Exact(text) ?? decodeBase32(text);
}

export function decodeDatabase(plaintext: Uint8Array): VaultDatabase {
  const issue: Issue = (reason) => new LatchkeyError('vault.corrupt', { details: { reason } });
  let value: unknown;
  try {
    const view = Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength);
    value = JSON.parse(view.toString('utf8'));
  } catch {
    throw issue('payload-json');
  }
  if (!isRecord(value)) throw issue('payload');
  if (value.version !== DATABASE_VERSION) {
    if (typeof value.version === 'number') {
      throw new LatchkeyError('vault.unknown-version', { details: { version: value.version } });
    }
    throw issue('payload-version');
  }
  if (!Array.isArray(value.accounts)) throw issue('accounts');
  const ids = new Set<string>();
  const accounts = value.accounts.map((raw): SecretAccount => {
    if (!isRecord(raw) || typeof raw.secret !== 'string') throw issue('account');
    const secret = decodeStoredSecret(raw.secret);
    if (!secret) throw issue('secret');
    const account = checkAccountFields(raw, issue, secret);
    checkSecretLength(secret, issue);
    if (ids.has(account.id)) throw issue('duplicate-id');
    ids.add(account.id);
    checkedFields.add(account);
    return account;
  });
  return { accounts, settings: checkSettings(value.settings, issue) };
}
