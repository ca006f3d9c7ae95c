import { LatchkeyError } from '../../../shared/errors';
import { fromBase64, toBase64 } from './base64';
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

export function serializeVaultFile(
  headerText: string,
  nonce: Uint8Array,
  ciphertext: Uint8Array,
): Buffer {
  const text = JSON.stringify({
    format: VAULT_FORMAT,
    version: VAULT_VERSION,
    header: headerText,
    nonce: toBase64(nonce),
    ciphertext: toBase64(ciphertext),
  });
  return Buffer.from(`${text}\n`, 'utf8');
}

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
