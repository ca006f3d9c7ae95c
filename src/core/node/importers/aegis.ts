import { LatchkeyError } from '../../../shared/errors/index';
import { aesGcmOpen, KdfBudget, requirePassword } from './crypto';
import { withExtras } from './extras';
import type { ImportEntry, ImportOptions } from '../../common/import-entry/types';
import {
  base32Secret,
  convertEntry,
  hexBytes,
  isObject,
  labelOf,
  num,
  parseJson,
  str,
  unreadable,
  type Json,
  type JsonObject,
} from './util';

/**
 * Aegis Authenticator vault/backup (beemdevelopment/Aegis docs/vault.md): `{version: 1,
 * header: {slots, params}, db}`. Plain when `slots` is null (db is the content object);
 * otherwise `db` is base64 AES-256-GCM ciphertext under a random master key, which each
 * password slot (type 1) wraps with AES-256-GCM under scrypt(password, salt, N, r, p).
 * Content versions 1–3 differ only in group bookkeeping: version 2 names one group per entry
 * (`group`), version 3 lists group uuids per entry (`groups`) resolved through `db.groups`
 * ({uuid, name}). Favourites, notes and PNG/JPEG icons (`icon` base64, `icon_mime`) are kept.
 */

const PASSWORD_SLOT = 1;
const MAX_CONTENT_VERSION = 3;

export function isAegisVault(value: Json): boolean {
  return isObject(value) && isObject(value.header) && 'db' in value && 'slots' in value.header;
}

async function unlockMasterKey(header: JsonObject, options: ImportOptions): Promise<Uint8Array> {
  const slots = Array.isArray(header.slots) ? header.slots.filter(isObject) : [];
  const passwordSlots = slots.filter((s) => s.type === PASSWORD_SLOT);
  if (passwordSlots.length === 0) {
    // Biometric-only vaults are bound to the phone's keystore and cannot be opened elsewhere.
    throw unreadable('the Aegis vault has no password slot');
  }
  const password = requirePassword(options);
  const budget = new KdfBudget(options);
  for (const slot of passwordSlots) {
    const salt = hexBytes(slot.salt);
    const wrapped = hexBytes(slot.key);
    const params = isObject(slot.key_params) ? slot.key_params : {};
    const nonce = hexBytes(params.nonce);
    const tag = hexBytes(params.tag);
    if (!salt || !wrapped || !nonce || !tag)
      throw unreadable('an Aegis password slot is incomplete');
    const key = await budget.scrypt(password, salt, {
      n: Number(slot.n),
      r: Number(slot.r),
      p: Number(slot.p),
    });
    const master = aesGcmOpen(key, nonce, wrapped, tag);
    if (master) return master;
  }
  throw new LatchkeyError('import.wrong-password');
}

async function readContent(vault: JsonObject, options: ImportOptions): Promise<JsonObject> {
  const header = vault.header as JsonObject;
  if (header.slots === null || header.slots === undefined) {
    if (!isObject(vault.db)) throw unreadable('the Aegis vault content is missing');
    return vault.db;
  }
  if (typeof vault.db !== 'string') throw unreadable('the Aegis vault content is missing');
  const params = isObject(header.params) ? header.params : {};
  const nonce = hexBytes(params.nonce);
  const tag = hexBytes(params.tag);
  if (!nonce || !tag) throw unreadable('the Aegis vault has no encryption parameters');
  const master = await unlockMasterKey(header, options);
  const plain = aesGcmOpen(master, nonce, Buffer.from(vault.db, 'base64'), tag);
  if (!plain) throw unreadable('the Aegis vault content does not match its key');
  const content = parseJson(plain.toString('utf8'), 'the decrypted Aegis vault');
  if (!isObject(content)) throw unreadable('the decrypted Aegis vault is not an object');
  return content;
}

const PICTURE_MIMES = ['image/png', 'image/jpeg'];

function groupNames(content: JsonObject): Map<string, string> {
  const groups = Array.isArray(content.groups) ? content.groups.filter(isObject) : [];
  return new Map(groups.map((g) => [str(g.uuid), str(g.name)]));
}

function extrasOf(e: JsonObject, groups: Map<string, string>) {
  const uuids = Array.isArray(e.groups) ? e.groups : [];
  const names = [
    ...(typeof e.group === 'string' ? [e.group] : []),
    ...uuids.map((u) => groups.get(str(u))),
  ];
  const picture =
    typeof e.icon === 'string' && PICTURE_MIMES.includes(str(e.icon_mime))
      ? new Uint8Array(Buffer.from(e.icon, 'base64'))
      : null;
  return { favorite: e.favorite, note: e.note, groups: names, picture };
}

function convert(entry: Json, index: number, groups: Map<string, string>): ImportEntry {
  const e = isObject(entry) ? entry : {};
  const info = isObject(e.info) ? e.info : {};
  const converted = convertEntry(index, labelOf(str(e.issuer), str(e.name)), () => ({
    type: str(e.type),
    issuer: str(e.issuer),
    name: str(e.name),
    secret: base32Secret(str(info.secret)),
    algorithm: str(info.algo) || null,
    digits: num(info.digits),
    period: num(info.period),
    counter: num(info.counter),
  }));
  return withExtras(converted, extrasOf(e, groups));
}

export async function importAegis(value: Json, options: ImportOptions): Promise<ImportEntry[]> {
  if (!isObject(value) || !isAegisVault(value)) throw unreadable('not an Aegis vault');
  if (typeof value.version === 'number' && value.version > 1) {
    throw new LatchkeyError('import.unsupported-version');
  }
  const content = await readContent(value, options);
  const version = typeof content.version === 'number' ? content.version : 1;
  if (version > MAX_CONTENT_VERSION) throw new LatchkeyError('import.unsupported-version');
  if (!Array.isArray(content.entries)) throw unreadable('the Aegis vault has no entry list');
  const groups = groupNames(content);
  return content.entries.map((entry, i) => convert(entry, i, groups));
}
