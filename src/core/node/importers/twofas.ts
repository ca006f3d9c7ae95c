import { LatchkeyError } from '../../../shared/errors/index';
import { parseOtpUri } from '../../common/uri/index';
import { aesGcmOpenJoined, kdfLimits, pbkdf2Key, requirePassword } from './crypto';
import { withExtras } from './extras';
import { splitLabel } from '../../common/import-entry/draft';
import type { ImportEntry, ImportOptions } from '../../common/import-entry/types';
import {
  base32Secret,
  base64Bytes,
  convertEntry,
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
 * 2FAS Authenticator backup (`.2fas`, schema 1–4): `{services: [...], schemaVersion,
 * servicesEncrypted?}`. Encrypted backups hold "base64(ciphertext‖tag):base64(salt):base64(iv)"
 * with key = PBKDF2-HMAC-SHA256(password, salt, 10 000, 32 bytes) and AES-256-GCM (the recipe
 * recorded in ../shared/corpora/aegis/expected/aegis_importers_expected.json).
 * Schema 1–2 have no token type: every entry is TOTP with the stored (or default) settings.
 */

const PBKDF2_ITERATIONS = 10_000;
const MAX_SCHEMA = 4;

export function isTwoFasBackup(value: Json): boolean {
  return (
    isObject(value) &&
    (Array.isArray(value.services) || typeof value.servicesEncrypted === 'string')
  );
}

async function decryptServices(sealedText: string, options: ImportOptions): Promise<Json> {
  const parts = sealedText.split(':').map(base64Bytes);
  const [sealed, salt, iv] = parts;
  if (parts.length < 3 || !sealed || !salt || !iv)
    throw unreadable('the 2FAS encrypted data is malformed');
  const password = requirePassword(options);
  const key = await pbkdf2Key(password, salt, PBKDF2_ITERATIONS, 'sha256', 32, kdfLimits(options));
  const plain = aesGcmOpenJoined(key, iv, sealed);
  if (!plain) throw new LatchkeyError('import.wrong-password');
  return parseJson(plain.toString('utf8'), 'the decrypted 2FAS backup');
}

/** Schema 4 keeps the scanned link; when the account field is empty its label still names it. */
function nameFromLink(link: string): string {
  if (link === '') return '';
  try {
    return parseOtpUri(link).draft.name;
  } catch {
    return '';
  }
}

/** A service's `groupId` names one of the backup's top-level `groups` ({id, name}). */
function convert(service: Json, index: number, groups: Map<string, string>): ImportEntry {
  const s = isObject(service) ? service : {};
  const otp: JsonObject = isObject(s.otp) ? s.otp : {};
  const serviceName = str(s.name).trim();
  // Newer schemas store issuer and account separately; older ones only a label "Issuer:account".
  const account = str(otp.account).trim();
  const fromLabel = splitLabel(str(otp.label), str(otp.issuer) || serviceName);
  const issuer = str(otp.issuer).trim() || serviceName || fromLabel.issuer;
  const name =
    account || (fromLabel.name === issuer ? '' : fromLabel.name) || nameFromLink(str(otp.link));
  const converted = convertEntry(index, labelOf(issuer, name), () => ({
    type: str(otp.tokenType) || 'totp',
    issuer,
    name,
    secret: base32Secret(str(s.secret)),
    algorithm: str(otp.algorithm) || null,
    digits: num(otp.digits),
    period: num(otp.period),
    counter: num(otp.counter),
  }));
  const group = groups.get(str(s.groupId));
  return withExtras(converted, { groups: group ? [group] : [] });
}

export async function importTwoFas(value: Json, options: ImportOptions): Promise<ImportEntry[]> {
  if (!isObject(value) || !isTwoFasBackup(value)) throw unreadable('not a 2FAS backup');
  if (typeof value.schemaVersion === 'number' && value.schemaVersion > MAX_SCHEMA) {
    throw new LatchkeyError('import.unsupported-version');
  }
  const services =
    typeof value.servicesEncrypted === 'string' && value.servicesEncrypted !== ''
      ? await decryptServices(value.servicesEncrypted, options)
      : value.services;
  if (!Array.isArray(services)) throw unreadable('the 2FAS backup has no service list');
  const groupList = Array.isArray(value.groups) ? value.groups.filter(isObject) : [];
  const groups = new Map(groupList.map((g) => [str(g.id), str(g.name)]));
  return services.map((service, i) => convert(service, i, groups));
}
