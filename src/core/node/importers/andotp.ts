import { LatchkeyError } from '../../../shared/errors/index';
import { aesGcmOpenJoined, kdfLimits, pbkdf2Key, requirePassword, sha256 } from './crypto';
import { withExtras } from './extras';
import type { ImportEntry, ImportOptions } from '../../common/import-entry/types';
import {
  base32Secret,
  convertEntry,
  isObject,
  labelOf,
  num,
  parseJson,
  str,
  unreadable,
  type Json,
} from './util';

/**
 * andOTP backup: a JSON array of `{secret, issuer, label, digits, type, algorithm, period,
 * counter}`. Encrypted backups (".json.aes") come in two layouts (recipes verified in
 * ../shared/corpora/aegis/expected/aegis_importers_expected.json):
 * - new: iterations (uint32 BE) ‖ salt (12) ‖ nonce (12) ‖ ciphertext‖tag, key =
 *   PBKDF2-HMAC-SHA1(password, salt, iterations, 32);
 * - old: nonce (12) ‖ ciphertext‖tag, key = SHA-256(password).
 * Both are AES-256-GCM. Nothing in the bytes says which, so the cheap old one is tried first.
 */

const NONCE = 12;
const SALT = 12;

export function isAndOtpList(value: Json): boolean {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((e) => isObject(e) && 'secret' in e && 'type' in e)
  );
}

/**
 * Old andOTP had no issuer field and wrote labels as "Issuer - Issuer:account"; splitting on
 * " - " gives the issuer, and the repeated "Issuer:" prefix is dropped too.
 */
function splitOldLabel(label: string): { issuer: string; name: string } {
  const dash = label.indexOf(' - ');
  if (dash < 0) return { issuer: '', name: label };
  const issuer = label.slice(0, dash).trim();
  let name = label.slice(dash + 3).trim();
  if (name.toLowerCase().startsWith(`${issuer.toLowerCase()}:`))
    name = name.slice(issuer.length + 1).trim();
  return { issuer, name };
}

/** andOTP's tags become groups. */
function convert(entry: Json, index: number): ImportEntry {
  const e = isObject(entry) ? entry : {};
  const { issuer, name } =
    'issuer' in e ? { issuer: str(e.issuer), name: str(e.label) } : splitOldLabel(str(e.label));
  const converted = convertEntry(index, labelOf(issuer, name), () => ({
    type: str(e.type),
    issuer,
    name,
    secret: base32Secret(str(e.secret)),
    algorithm: str(e.algorithm) || null,
    digits: num(e.digits),
    period: num(e.period),
    counter: num(e.counter),
  }));
  return withExtras(converted, { groups: Array.isArray(e.tags) ? e.tags : [] });
}

async function decrypt(bytes: Uint8Array, options: ImportOptions): Promise<string> {
  const password = requirePassword(options);
  if (bytes.length < NONCE + 16) throw unreadable('the andOTP backup is too short');
  const old = aesGcmOpenJoined(sha256(password), bytes.subarray(0, NONCE), bytes.subarray(NONCE));
  if (old) return old.toString('utf8');
  if (bytes.length < 4 + SALT + NONCE + 16) throw new LatchkeyError('import.wrong-password');
  const iterations = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  const limits = kdfLimits(options);
  // The old layout failed to open, so either the password is wrong or this is the new layout.
  // Old files start with a random nonce, which reads as a huge iteration count; andOTP itself
  // writes ~150 000. Above the cap the likelier story is a wrong password, and either way
  // nothing expensive runs.
  if (iterations > limits.maxPbkdf2Iterations) throw new LatchkeyError('import.wrong-password');
  const salt = bytes.subarray(4, 4 + SALT);
  const key = await pbkdf2Key(password, salt, iterations, 'sha1', 32, limits);
  const plain = aesGcmOpenJoined(
    key,
    bytes.subarray(4 + SALT, 4 + SALT + NONCE),
    bytes.subarray(4 + SALT + NONCE),
  );
  if (!plain) throw new LatchkeyError('import.wrong-password');
  return plain.toString('utf8');
}

export function importAndOtpJson(value: Json): ImportEntry[] {
  if (!Array.isArray(value)) throw unreadable('not an andOTP backup');
  return value.map(convert);
}

export async function importAndOtpEncrypted(
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<ImportEntry[]> {
  const value = parseJson(await decrypt(bytes, options), 'the decrypted andOTP backup');
  return importAndOtpJson(value);
}
