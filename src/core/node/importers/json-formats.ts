import { LatchkeyError } from '../../../shared/errors/index';
import {
  convertEntry,
  base64Bytes,
  isObject,
  labelOf,
  num,
  str,
  unreadable,
  type Json,
  type JsonObject,
} from './util';
import { splitLabel } from '../../common/import-entry/draft';
import type { ImportEntry } from '../../common/import-entry/types';
import { entryFromUri } from './uri-entry';

/** The small JSON formats: Proton Authenticator, Steam (maFile / SDA), FreeOTP+. */

/** Proton Authenticator export: `{version, entries: [{content: {uri, entry_type, name}}]}`. */
export function isProtonAuthenticator(value: Json): boolean {
  if (!isObject(value)) return false;
  if (isProtonEncrypted(value)) return true;
  return (
    Array.isArray(value.entries) &&
    value.entries.some(
      (e) => isObject(e) && isObject(e.content) && typeof e.content.uri === 'string',
    )
  );
}

/**
 * Proton's password-protected export, `{version, salt, content}` (proton-pass-common
 * proton-authenticator export_entries_with_password: Argon2id key, AES-256-GCM). Node has no
 * Argon2id, so it is recognised and reported rather than misread.
 */
function isProtonEncrypted(value: JsonObject): boolean {
  return (
    typeof value.version === 'number' &&
    typeof value.salt === 'string' &&
    typeof value.content === 'string'
  );
}

export function importProtonAuthenticator(value: Json): ImportEntry[] {
  if (isObject(value) && isProtonEncrypted(value)) {
    throw new LatchkeyError('import.encrypted-not-supported');
  }
  if (!isObject(value) || !Array.isArray(value.entries))
    throw unreadable('not a Proton Authenticator export');
  return value.entries.map((entry, index) => {
    const content = isObject(entry) && isObject(entry.content) ? entry.content : {};
    return entryFromUri(str(content.uri), index, { name: str(content.name) });
  });
}

/**
 * Steam Guard files: a single maFile (`{shared_secret, account_name, ...}`) or Steam Desktop
 * Authenticator's `{accounts: {<id>: {...}}}`. `shared_secret` is base64.
 */
function steamAccounts(value: Json): JsonObject[] {
  if (!isObject(value)) return [];
  if (typeof value.shared_secret === 'string') return [value];
  if (isObject(value.accounts)) return Object.values(value.accounts).filter(isObject);
  return [];
}

export function isSteamGuard(value: Json): boolean {
  const accounts = steamAccounts(value);
  return accounts.length > 0 && accounts.every((a) => typeof a.shared_secret === 'string');
}

export function importSteamGuard(value: Json): ImportEntry[] {
  return steamAccounts(value).map((account, index) =>
    convertEntry(index, labelOf('Steam', str(account.account_name)), () => ({
      type: 'steam',
      issuer: 'Steam',
      name: str(account.account_name),
      secret: base64Bytes(str(account.shared_secret)),
    })),
  );
}

/** FreeOTP+ export: `{tokenOrder, tokens: [{issuerExt, label, secret: [signed bytes], ...}]}`. */
export function isFreeOtpPlus(value: Json): boolean {
  return isObject(value) && Array.isArray(value.tokens) && Array.isArray(value.tokenOrder);
}

/** Java writes bytes signed (-128…127). */
function javaBytes(value: Json | undefined): Uint8Array | null {
  if (!Array.isArray(value)) return null;
  if (!value.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= -128 && b <= 255))
    return null;
  return Uint8Array.from(value as number[], (b) => b & 0xff);
}

export function importFreeOtpPlus(value: Json): ImportEntry[] {
  if (!isObject(value) || !Array.isArray(value.tokens)) throw unreadable('not a FreeOTP+ export');
  return value.tokens.map((token, index) => {
    const t = isObject(token) ? token : {};
    const { issuer, name } = splitLabel(str(t.label), str(t.issuerExt) || str(t.issuerInt));
    // Counters are taken as stored (see the exceptions table in the tests).
    return convertEntry(index, labelOf(issuer, name), () => ({
      type: str(t.type),
      issuer,
      name,
      secret: javaBytes(t.secret),
      algorithm: str(t.algo) || null,
      digits: num(t.digits),
      period: num(t.period),
      counter: num(t.counter),
    }));
  });
}
