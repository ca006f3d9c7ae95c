import { LatchkeyError } from '../../../shared/errors';
import { decodeBase64Slices, decodedLength } from './base64';
import { newNonce, open, openingCheck, sealInParts, TAG_BYTES, wipe } from './crypto';
import { decodeDatabase, type VaultDatabase } from './database';
import { encodeDatabaseFast } from './database-encoder';
import {
  locateCanonicalLayout,
  parseHeader,
  parseVaultFile,
  serializeHeader,
  serializeVaultFileInParts,
  type VaultFile,
  type VaultHeader,
} from './format';

/**
 * The payload envelope: the database sealed under the master key with the header text (which
 * holds every slot) as associated data, so changing any slot, parameter or id fails the tag.
 */
export function sealVault(masterKey: Uint8Array, header: VaultHeader, db: VaultDatabase): Buffer {
  const headerText = serializeHeader(header);
  const plaintext = encodeDatabaseFast(db);
  try {
    // The ciphertext goes from the cipher straight into the file's base64, slice by slice.
    const nonce = newNonce();
    const aad = Buffer.from(headerText, 'utf8');
    return serializeVaultFileInParts(headerText, nonce, plaintext.length + TAG_BYTES, (write) =>
      sealInParts(masterKey, nonce, plaintext, aad, write),
    );
  } finally {
    wipe(plaintext);
  }
}

/** Decrypts with a master key a slot already yielded; a failing tag here means tampering. */
export function openVault(file: VaultFile, masterKey: Uint8Array): VaultDatabase {
  const plaintext = authenticatedPayload(file, masterKey);
  try {
    return decodeDatabase(plaintext);
  } finally {
    wipe(plaintext);
  }
}

/**
 * A check that the payload authenticates under the master key, keeping none of its plaintext.
 * The save path's plaintext was produced by encodeDatabase moments ago, so it is not decoded.
 */
export function verifyVault(file: VaultFile, masterKey: Uint8Array): void {
  const check = openingCheck(masterKey, file.nonce, Buffer.from(file.headerText, 'utf8'));
  const end = file.ciphertext.length - TAG_BYTES;
  check.update(file.ciphertext.subarray(0, end));
  if (!check.finish(file.ciphertext.subarray(end))) throw new LatchkeyError('vault.tampered');
}

/**
 * verifyVault(parseVaultFile(bytes)): the save path's read-back check, which accepts and refuses
 * exactly what those two do. A file in our own layout is checked with its ciphertext streamed
 * from the base64 through the cipher, so a save never holds a second payload-sized copy.
 */
export function verifyVaultBytes(
  bytes: Uint8Array,
  masterKey: Uint8Array,
  allowWeakKdfForTests: boolean,
): void {
  const layout = locateCanonicalLayout(bytes);
  const total = layout && decodedLength(bytes, layout.bodyStart, layout.bodyEnd);
  if (!layout || total === null || total < TAG_BYTES) {
    // Not our layout: the strict reader names the fault (or reads it, if it is a vault after all).
    verifyVault(parseVaultFile(bytes, allowWeakKdfForTests), masterKey);
    return;
  }
  parseHeader(layout.headerText, allowWeakKdfForTests);
  const check = openingCheck(masterKey, layout.nonce, Buffer.from(layout.headerText, 'utf8'));
  const tagAt = total - TAG_BYTES;
  const tag = Buffer.alloc(TAG_BYTES);
  const decoded = decodeBase64Slices(bytes, layout.bodyStart, layout.bodyEnd, (slice, offset) => {
    const cut = Math.max(0, Math.min(slice.length, tagAt - offset));
    check.update(slice.subarray(0, cut));
    if (cut < slice.length) tag.set(slice.subarray(cut), offset + cut - tagAt);
  });
  if (decoded === null) {
    verifyVault(parseVaultFile(bytes, allowWeakKdfForTests), masterKey);
    return;
  }
  if (!check.finish(tag)) throw new LatchkeyError('vault.tampered');
}

/** The payload's plaintext, authenticated together with the exact header text (its AAD). */
function authenticatedPayload(file: VaultFile, masterKey: Uint8Array): Uint8Array {
  const plaintext = open(
    masterKey,
    file.nonce,
    file.ciphertext,
    Buffer.from(file.headerText, 'utf8'),
  );
  if (!plaintext) throw new LatchkeyError('vault.tampered');
  return plaintext;
}
