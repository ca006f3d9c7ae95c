import { LatchkeyError } from '../../../shared/errors';
import { open, seal, wipe } from './crypto';
import { decodeDatabase, type VaultDatabase } from './database';
import { encodeDatabaseFast } from './database-encoder';
import { serializeHeader, serializeVaultFile, type VaultFile, type VaultHeader } from './format';

/**
 * The payload envelope: the database sealed under the master key with the header text (which
 * holds every slot) as associated data, so changing any slot, parameter or id fails the tag.
 */
export function sealVault(masterKey: Uint8Array, header: VaultHeader, db: VaultDatabase): Buffer {
  const headerText = serializeHeader(header);
  const plaintext = encodeDatabaseFast(db);
  try {
    const { nonce, sealed } = seal(masterKey, plaintext, Buffer.from(headerText, 'utf8'));
    return serializeVaultFile(headerText, nonce, sealed);
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
 * The save path's read-back check: the bytes parse and the payload authenticates under the
 * master key. The plaintext was produced by encodeDatabase moments ago, so it is not decoded.
 */
export function verifyVault(file: VaultFile, masterKey: Uint8Array): void {
  wipe(authenticatedPayload(file, masterKey));
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
