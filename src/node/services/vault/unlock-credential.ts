import { fromBase64 } from '../../../core/node/vault/base64';
import { wipe } from '../../../core/node/vault/crypto';
import type { VaultHeader } from '../../../core/node/vault/format';
import { passwordBytes, type Kdf } from '../../../core/node/vault/kdf';
import { findSlot, unwrapSlot } from '../../../core/node/vault/slots';
import { LatchkeyError } from '../../../shared/errors';
import type { KeychainAdapter } from './keychain-adapter';

/**
 * Something the user proved (a password, this device's keychain key) that can open a header's
 * slot. Opening the same slot parameters twice reuses the derived key, so trying the saved
 * generations after a damaged vault.json costs no extra KDF run in the usual case.
 */
export interface Credential {
  /** The master key, or null when this credential does not open the header. */
  unwrap(header: VaultHeader): Promise<Buffer | null>;
  /** True once any header opened: the password (or key) itself was right. */
  readonly proven: boolean;
  /** Wipes cached key material. */
  dispose(): void;
}

export function passwordCredential(password: string, kdf: Kdf): Credential {
  const derived = new Map<string, Buffer>();
  let proven = false;
  return {
    get proven() {
      return proven;
    },
    async unwrap(header) {
      const slot = findSlot(header, 'password');
      if (!slot) return null;
      const { N, r, p, salt } = slot.kdf;
      const id = `${N}/${r}/${p}/${Buffer.from(salt).toString('hex')}`;
      let slotKey = derived.get(id);
      if (!slotKey) {
        const pw = passwordBytes(password);
        slotKey = await kdf(pw, slot.kdf).finally(() => wipe(pw));
        derived.set(id, slotKey);
      }
      const masterKey = unwrapSlot(slot, header.vaultId, slotKey);
      if (masterKey) proven = true;
      return masterKey;
    },
    dispose() {
      for (const key of derived.values()) wipe(key);
      derived.clear();
    },
  };
}

/**
 * This device's keychain key for the header's keychain slot. Throws the specific reason it
 * cannot help: keychain unavailable, no keychain slot, or the entry is gone or malformed.
 */
export async function readKeychainKey(
  keychain: KeychainAdapter | null,
  header: VaultHeader,
): Promise<Buffer> {
  const slot = findSlot(header, 'keychain');
  if (!slot) throw new LatchkeyError('vault.no-keychain-slot');
  if (!keychain || !(await keychain.available())) {
    throw new LatchkeyError('vault.keychain-unavailable');
  }
  const stored = await keychain.get(slot.account);
  if (stored === null) throw new LatchkeyError('vault.keychain-missing');
  const key = fromBase64(stored, 32);
  if (!key) throw new LatchkeyError('vault.keychain-mismatch');
  return key;
}

/** The keychain key of a vault id as a credential, read once. */
export async function keychainCredential(
  keychain: KeychainAdapter | null,
  header: VaultHeader,
): Promise<Credential> {
  const key = await readKeychainKey(keychain, header);
  let proven = false;
  return {
    get proven() {
      return proven;
    },
    async unwrap(h) {
      const s = findSlot(h, 'keychain');
      const masterKey = s ? unwrapSlot(s, h.vaultId, key) : null;
      if (masterKey) proven = true;
      return masterKey;
    },
    dispose() {
      wipe(key);
    },
  };
}
