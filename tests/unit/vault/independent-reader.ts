import { createDecipheriv, scryptSync } from 'node:crypto';

/**
 * A reader of Latchkey vault files written only from docs/vault-format.md (sections 2-4), with
 * node:crypto and nothing from src/: it checks what the spec promises, not what the code does.
 */

export interface RawVault {
  readonly headerText: string;
  readonly header: {
    readonly vaultId: string;
    readonly slots: readonly Record<string, string | number>[];
  };
  readonly nonce: Buffer;
  readonly ciphertext: Buffer;
}

/** §2: the outer JSON; `header` is a string holding the header JSON (§3). Null if not a vault. */
export function readRawVault(bytes: Buffer): RawVault | null {
  try {
    const outer = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    if (outer.format !== 'latchkey-vault' || typeof outer.header !== 'string') return null;
    return {
      headerText: outer.header,
      header: JSON.parse(outer.header) as RawVault['header'],
      nonce: Buffer.from(outer.nonce as string, 'base64'),
      ciphertext: Buffer.from(outer.ciphertext as string, 'base64'),
    };
  } catch {
    return null;
  }
}

/** AES-256-GCM with the 16-byte tag at the end of `sealed`; null when it does not authenticate. */
function gcmOpen(key: Buffer, nonce: Buffer, sealed: Buffer, aad: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - 16)),
      decipher.final(),
    ]);
  } catch {
    return null;
  }
}

/** §3: slot AAD is `latchkey-vault/1/slot/<type>/<vaultId>`. */
function unwrap(vault: RawVault, type: string, slotKey: Buffer): Buffer | null {
  const slot = vault.header.slots.find((s) => s.type === type);
  if (!slot) return null;
  const aad = Buffer.from(`latchkey-vault/1/slot/${type}/${vault.header.vaultId}`, 'utf8');
  return gcmOpen(
    slotKey,
    Buffer.from(slot.nonce as string, 'base64'),
    Buffer.from(slot.wrapped as string, 'base64'),
    aad,
  );
}

/** §3.2: slot key = scrypt(NFC UTF-8 password, salt, N, r, p, 32). The master key, or null. */
export function masterKeyFromPassword(vault: RawVault, password: string): Buffer | null {
  const slot = vault.header.slots.find((s) => s.type === 'password');
  if (!slot) return null;
  const [N, r, p] = [slot.N as number, slot.r as number, slot.p as number];
  const slotKey = scryptSync(
    Buffer.from(password.normalize('NFC'), 'utf8'),
    Buffer.from(slot.salt as string, 'base64'),
    32,
    { N, r, p, maxmem: 128 * N * r * p + 4 * 1024 * 1024 },
  );
  return unwrap(vault, 'password', slotKey);
}

/** §3.1: the keychain slot wraps the master key under the 32-byte key kept in the keychain. */
export function masterKeyFromKeychainKey(vault: RawVault, keychainKey: Buffer): Buffer | null {
  return unwrap(vault, 'keychain', keychainKey);
}

/** §4: the payload, sealed under the master key with the header text as AAD. */
export function openPayload(
  vault: RawVault,
  masterKey: Buffer,
): { accounts: { id: string }[] } | null {
  const plain = gcmOpen(masterKey, vault.nonce, vault.ciphertext, Buffer.from(vault.headerText));
  return plain ? (JSON.parse(plain.toString('utf8')) as { accounts: { id: string }[] }) : null;
}
