import { LatchkeyError } from '../../../shared/errors/index';
import { parseCsv } from './csv';
import type { ImportEntry } from '../../common/import-entry/types';
import { entryFromUri } from './uri-entry';
import { withExtras } from './extras';
import { convertEntry, base32Secret, isObject, str, unreadable, type Json } from './util';

/**
 * Bitwarden exports: the unencrypted JSON (`{encrypted: false, items: [{name, login:
 * {username, totp}}]}`) and the CSV (`login_totp` column). The TOTP value is an otpauth://
 * link, Bitwarden's `steam://SECRET`, or a bare base32 secret (TOTP with default settings).
 * Items without a TOTP are not accounts and are skipped. An empty issuer or name in the link
 * is filled from the item name and user name.
 */

export function isBitwardenJson(value: Json): boolean {
  return isObject(value) && Array.isArray(value.items) && 'encrypted' in value;
}

export function looksLikeBitwardenCsv(text: string): boolean {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return header.split(',').some((h) => h.trim() === 'login_totp');
}

function entryFromTotp(
  totp: string,
  index: number,
  itemName: string,
  userName: string,
): ImportEntry {
  const value = totp.trim();
  if (/^(otpauth|steam):/i.test(value)) {
    return entryFromUri(value, index, {
      issuer: itemName,
      name: userName || (value.toLowerCase().startsWith('steam:') ? itemName : ''),
    });
  }
  return convertEntry(index, itemName, () => ({
    type: 'totp',
    issuer: itemName,
    name: userName,
    secret: base32Secret(value),
  }));
}

export function importBitwardenJson(value: Json): ImportEntry[] {
  if (!isObject(value) || !Array.isArray(value.items)) throw unreadable('not a Bitwarden export');
  if (value.encrypted === true) throw new LatchkeyError('import.encrypted-not-supported');
  // Folders ({id, name}) become groups; favourites and notes are kept.
  const folderList = Array.isArray(value.folders) ? value.folders.filter(isObject) : [];
  const folders = new Map(folderList.map((f) => [str(f.id), str(f.name)]));
  const entries: ImportEntry[] = [];
  for (const item of value.items) {
    if (!isObject(item) || !isObject(item.login)) continue;
    const totp = str(item.login.totp);
    if (totp.trim() === '') continue;
    const entry = entryFromTotp(
      totp,
      entries.length,
      str(item.name).trim(),
      str(item.login.username).trim(),
    );
    const folder = folders.get(str(item.folderId));
    entries.push(
      withExtras(entry, {
        favorite: item.favorite,
        note: item.notes,
        groups: folder ? [folder] : [],
      }),
    );
  }
  return entries;
}

export function importBitwardenCsv(text: string): ImportEntry[] {
  const [header, ...rows] = parseCsv(text);
  const columns = (header ?? []).map((h) => h.trim());
  const totpAt = columns.indexOf('login_totp');
  if (totpAt < 0) throw unreadable('the CSV has no login_totp column');
  const nameAt = columns.indexOf('name');
  const userAt = columns.indexOf('login_username');
  const entries: ImportEntry[] = [];
  for (const row of rows) {
    const totp = row[totpAt] ?? '';
    if (totp.trim() === '') continue;
    entries.push(
      entryFromTotp(totp, entries.length, (row[nameAt] ?? '').trim(), (row[userAt] ?? '').trim()),
    );
  }
  return entries;
}
