import { LatchkeyError } from '../../../shared/errors';
import { base64Length, base64Writer, fromBase64, readBase64, toBase64 } from './base64';
import { KEY_BYTES, NONCE_BYTES, TAG_BYTES } from './crypto';
import { checkScryptParams, SCRYPT_LIMITS, type ScryptParams } from './kdf';

/**
 * The vault file layout (docs/vault-format.md). Pure: bytes in, typed values out, and back.
 * Reading is strict: anything but the exact canonical bytes we would write is `vault.corrupt`,
 * so no single changed byte can slip past both this check and the AES-GCM tag.
 */
export const VAULT_FORMAT = 'latchkey-vault';
export const VAULT_VERSION = 1;
/** The one keytar service every vault uses; the account is per vault. */
export const KEYCHAIN_SERVICE = 'Latchkey';

export interface KeychainSlot {
  readonly type: 'keychain';
  /** keytar account name under service "Latchkey". */
  readonly account: string;
  readonly nonce: Buffer;
  /** AES-256-GCM of the master key under the keychain key: 32 + 16 bytes. */
  readonly wrapped: Buffer;
}

export interface PasswordSlot {
  readonly type: 'password';
  readonly kdf: ScryptParams;
  readonly nonce: Buffer;
  readonly wrapped: Buffer;
}

export type Slot = KeychainSlot | PasswordSlot;

export interface VaultHeader {
  /** 32 lowercase hex digits, random per vault. */
  readonly vaultId: string;
  readonly slots: readonly Slot[];
}

export interface VaultFile {
  readonly header: VaultHeader;
  /** The header exactly as stored: its UTF-8 bytes are the payload's associated data. */
  readonly headerText: string;
  readonly nonce: Buffer;
  readonly ciphertext: Buffer;
}

const VAULT_ID = /^[0-9a-f]{32}$/;
export const keychainAccountFor = (vaultId: string): string => `vault-${vaultId}`;

function corrupt(reason: string): LatchkeyError {
  return new LatchkeyError('vault.corrupt', { details: { reason } });
}

function slotToJson(slot: Slot): Record<string, unknown> {
  if (slot.type === 'keychain') {
    return {
      type: 'keychain',
      account: slot.account,
      nonce: toBase64(slot.nonce),
      wrapped: toBase64(slot.wrapped),
    };
  }
  return {
    type: 'password',
    kdf: 'scrypt',
    N: slot.kdf.N,
    r: slot.kdf.r,
    p: slot.kdf.p,
    salt: toBase64(slot.kdf.salt),
    nonce: toBase64(slot.nonce),
    wrapped: toBase64(slot.wrapped),
  };
}

export function serializeHeader(header: VaultHeader): string {
  return JSON.stringify({
    format: VAULT_FORMAT,
    version: VAULT_VERSION,
    vaultId: header.vaultId,
    slots: header.slots.map(slotToJson),
  });
}

/**
 * The canonical file bytes: exactly `JSON.stringify` of the five values in key order plus `\n`,
 * assembled straight into one buffer. The ciphertext's base64 holds no character JSON escapes,
 * so it is copied in as is instead of going through a multi-megabyte stringify and re-encode.
 */
export function serializeVaultFile(
  headerText: string,
  nonce: Uint8Array,
  ciphertext: Uint8Array,
): Buffer {
  return serializeVaultFileInParts(headerText, nonce, ciphertext.length, (write) =>
    write(ciphertext),
  );
}

/**
 * serializeVaultFile's bytes for a ciphertext of `ciphertextBytes` that `fill` hands over in
 * parts (e.g. straight from the cipher), so the whole ciphertext never exists on its own.
 */
export function serializeVaultFileInParts(
  headerText: string,
  nonce: Uint8Array,
  ciphertextBytes: number,
  fill: (write: (part: Uint8Array) => void) => void,
): Buffer {
  const head = filePrefix(headerText, toBase64(nonce));
  const headBytes = Buffer.byteLength(head, 'utf8');
  const bodyEnd = headBytes + base64Length(ciphertextBytes);
  const out = Buffer.allocUnsafeSlow(bodyEnd + FILE_SUFFIX.length);
  out.write(head, 0, 'utf8');
  const body = base64Writer(out, headBytes);
  fill((part) => body.write(part));
  if (body.end() !== bodyEnd) throw new Error('ciphertext length differs from the one declared');
  out.write(FILE_SUFFIX, bodyEnd, 'latin1');
  return out;
}

/** Everything before the ciphertext's base64: `JSON.stringify`'s output up to that point. */
function filePrefix(headerText: string, nonceBase64: string): string {
  return `${FILE_START}${JSON.stringify(headerText)},"nonce":"${nonceBase64}","ciphertext":"`;
}

const FILE_START = `{"format":"${VAULT_FORMAT}","version":${VAULT_VERSION},"header":`;
const FILE_SUFFIX = '"}\n';
const NONCE_KEY = Buffer.from('","nonce":"', 'latin1');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkVersion(value: Record<string, unknown>): void {
  if (value.format !== VAULT_FORMAT) throw corrupt('format');
  if (typeof value.version === 'number' && value.version !== VAULT_VERSION) {
    throw new LatchkeyError('vault.unknown-version', { details: { version: value.version } });
  }
  if (value.version !== VAULT_VERSION) throw corrupt('version');
}

function parseSlot(value: unknown, allowWeakKdfForTests: boolean): Slot {
  if (!isRecord(value)) throw corrupt('slot');
  const nonce = fromBase64(value.nonce, NONCE_BYTES);
  const wrapped = fromBase64(value.wrapped, KEY_BYTES + TAG_BYTES);
  if (!nonce || !wrapped) throw corrupt('slot');
  if (value.type === 'keychain') {
    if (typeof value.account !== 'string' || !/^vault-[0-9a-f]{32}$/.test(value.account)) {
      throw corrupt('slot');
    }
    return { type: 'keychain', account: value.account, nonce, wrapped };
  }
  if (value.type === 'password' && value.kdf === 'scrypt') {
    const salt = fromBase64(value.salt, SCRYPT_LIMITS.saltBytes);
    const { N, r, p } = value;
    if (!salt || typeof N !== 'number' || typeof r !== 'number' || typeof p !== 'number') {
      throw corrupt('slot');
    }
    const kdf = { N, r, p, salt };
    checkScryptParams(kdf, allowWeakKdfForTests);
    return { type: 'password', kdf, nonce, wrapped };
  }
  throw corrupt('slot-type');
}

export function parseHeader(headerText: string, allowWeakKdfForTests: boolean): VaultHeader {
  let value: unknown;
  try {
    value = JSON.parse(headerText);
  } catch {
    throw corrupt('header-json');
  }
  if (!isRecord(value)) throw corrupt('header');
  checkVersion(value);
  if (typeof value.vaultId !== 'string' || !VAULT_ID.test(value.vaultId)) throw corrupt('vault-id');
  if (!Array.isArray(value.slots)) throw corrupt('slots');
  const slots = value.slots.map((slot) => parseSlot(slot, allowWeakKdfForTests));
  const header: VaultHeader = { vaultId: value.vaultId, slots };
  checkSlots(header);
  if (serializeHeader(header) !== headerText) throw corrupt('header-not-canonical');
  return header;
}

/** The model's invariant: one or two slots, at most one of each kind, keychain bound to the id. */
export function checkSlots(header: VaultHeader): void {
  const kinds = header.slots.map((s) => s.type);
  if (kinds.length === 0 || new Set(kinds).size !== kinds.length) throw corrupt('slot-set');
  for (const slot of header.slots) {
    if (slot.type === 'keychain' && slot.account !== keychainAccountFor(header.vaultId)) {
      throw corrupt('keychain-account');
    }
  }
}

export function parseVaultFile(bytes: Uint8Array, allowWeakKdfForTests = false): VaultFile {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (
    parseCanonicalLayout(buffer, allowWeakKdfForTests) ?? parseAnyJson(buffer, allowWeakKdfForTests)
  );
}

/**
 * The fast path for a file in the exact layout we write: the fields are located by position and
 * only the small header is JSON-parsed, so a multi-megabyte vault is never decoded as UTF-8 text
 * or parsed and re-serialised whole. It accepts only bytes identical to serializeVaultFile's
 * output (the prefix is rebuilt and compared, the base64 round-trips); anything else returns null
 * and goes through parseAnyJson, which accepts exactly the same files and names the fault.
 */
function parseCanonicalLayout(buffer: Buffer, allowWeakKdfForTests: boolean): VaultFile | null {
  const layout = locateCanonicalLayout(buffer);
  if (!layout) return null;
  const ciphertext = readBase64(buffer, layout.bodyStart, layout.bodyEnd);
  if (!ciphertext || ciphertext.length < TAG_BYTES) return null;
  const { headerText, nonce } = layout;
  return { header: parseHeader(headerText, allowWeakKdfForTests), headerText, nonce, ciphertext };
}

/** A file in serializeVaultFile's exact layout, up to its ciphertext (left as base64 in place). */
export interface CanonicalLayout {
  /** Not yet checked: parseHeader it. */
  readonly headerText: string;
  readonly nonce: Buffer;
  /** Where the ciphertext's base64 lies in the file's bytes. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

/**
 * Everything parseCanonicalLayout checks except the ciphertext's base64, which stays in place
 * for the caller to decode (decodeBase64Slices) or stream, and the header text, which the caller
 * parses. null when the bytes are not laid out as serializeVaultFile writes them.
 */
export function locateCanonicalLayout(bytes: Uint8Array): CanonicalLayout | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerStart = Buffer.byteLength(FILE_START, 'latin1');
  if (buffer.toString('latin1', 0, headerStart) !== FILE_START) return null;
  // A raw `"` inside the header's JSON string is always escaped, so the first `","nonce":"` is
  // where the string ends.
  const nonceKey = buffer.indexOf(NONCE_KEY, headerStart);
  if (nonceKey < 0) return null;
  let headerText: unknown;
  try {
    headerText = JSON.parse(buffer.toString('utf8', headerStart, nonceKey + 1));
  } catch {
    return null;
  }
  if (typeof headerText !== 'string') return null;
  const nonceStart = nonceKey + NONCE_KEY.length;
  const nonceText = buffer.toString('latin1', nonceStart, nonceStart + NONCE_BASE64_LENGTH);
  const nonce = fromBase64(nonceText, NONCE_BYTES);
  const bodyEnd = buffer.length - FILE_SUFFIX.length;
  if (!nonce || buffer.toString('latin1', bodyEnd) !== FILE_SUFFIX) return null;
  const prefix = Buffer.from(filePrefix(headerText, nonceText), 'utf8');
  if (bodyEnd < prefix.length || !buffer.subarray(0, prefix.length).equals(prefix)) return null;
  return { headerText, nonce, bodyStart: prefix.length, bodyEnd };
}

const NONCE_BASE64_LENGTH = 4 * Math.ceil(NONCE_BYTES / 3);

/**
 * The header text of a file in the layout serializeVaultFile writes, read from its first bytes
 * only: for callers that just compare headers (the generation sweep after an unlock), where
 * parsing ten multi-megabyte generations cost more than the unlock itself. null when `head` does
 * not start that way; it says nothing about the rest of the file.
 */
export function headerTextOf(head: Uint8Array): string | null {
  const buffer = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const headerStart = Buffer.byteLength(FILE_START, 'latin1');
  if (buffer.toString('latin1', 0, headerStart) !== FILE_START) return null;
  const nonceKey = buffer.indexOf(NONCE_KEY, headerStart);
  if (nonceKey < 0) return null;
  try {
    const text: unknown = JSON.parse(buffer.toString('utf8', headerStart, nonceKey + 1));
    return typeof text === 'string' ? text : null;
  } catch {
    return null;
  }
}

/** Any JSON: the strict reference path that reports why a file is not a vault we wrote. */
function parseAnyJson(buffer: Buffer, allowWeakKdfForTests: boolean): VaultFile {
  let value: unknown;
  try {
    value = JSON.parse(buffer.toString('utf8'));
  } catch {
    throw corrupt('json');
  }
  if (!isRecord(value)) throw corrupt('top-level');
  checkVersion(value);
  const nonce = fromBase64(value.nonce, NONCE_BYTES);
  const ciphertext = fromBase64(value.ciphertext);
  if (typeof value.header !== 'string' || !nonce || !ciphertext || ciphertext.length < TAG_BYTES) {
    throw corrupt('fields');
  }
  const header = parseHeader(value.header, allowWeakKdfForTests);
  if (!serializeVaultFile(value.header, nonce, ciphertext).equals(buffer)) {
    throw corrupt('not-canonical');
  }
  return { header, headerText: value.header, nonce, ciphertext };
}
