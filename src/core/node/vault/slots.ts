import { randomBytes } from 'node:crypto';
import { LatchkeyError } from '../../../shared/errors';
import { passwordProblem } from '../../../shared/password-rule';
import { open, seal, wipe } from './crypto';
import {
  keychainAccountFor,
  type KeychainSlot,
  type PasswordSlot,
  type Slot,
  type VaultHeader,
} from './format';
import { passwordBytes, SCRYPT_LIMITS, type Kdf, type ScryptParams } from './kdf';

/**
 * Slots wrap the master key (LUKS / Aegis style): each is AES-256-GCM of the 32-byte master key
 * under a slot key, with associated data naming the slot kind and the vault, so a slot cannot be
 * moved to another vault or relabelled. Replacing or removing a credential draws a new master
 * key (vault-credentials.ts); adding one wraps the current key.
 */
export type SlotType = Slot['type'];

export function slotAad(type: SlotType, vaultId: string): Buffer {
  return Buffer.from(`latchkey-vault/1/slot/${type}/${vaultId}`, 'utf8');
}

export function makeKeychainSlot(
  vaultId: string,
  masterKey: Uint8Array,
  keychainKey: Uint8Array,
): KeychainSlot {
  const { nonce, sealed } = seal(keychainKey, masterKey, slotAad('keychain', vaultId));
  return { type: 'keychain', account: keychainAccountFor(vaultId), nonce, wrapped: sealed };
}

export async function makePasswordSlot(
  vaultId: string,
  masterKey: Uint8Array,
  password: string,
  kdf: Kdf,
  logN: number,
): Promise<PasswordSlot> {
  const params: ScryptParams = {
    N: 2 ** logN,
    r: SCRYPT_LIMITS.r,
    p: SCRYPT_LIMITS.p,
    salt: randomBytes(SCRYPT_LIMITS.saltBytes),
  };
  const pw = passwordBytes(password);
  const slotKey = await kdf(pw, params).finally(() => wipe(pw));
  try {
    const { nonce, sealed } = seal(slotKey, masterKey, slotAad('password', vaultId));
    return { type: 'password', kdf: params, nonce, wrapped: sealed };
  } finally {
    wipe(slotKey);
  }
}

/** The master key, or null when the slot key is wrong (or the slot was altered). */
export function unwrapSlot(slot: Slot, vaultId: string, slotKey: Uint8Array): Buffer | null {
  return open(slotKey, slot.nonce, slot.wrapped, slotAad(slot.type, vaultId));
}

export async function unwrapPasswordSlot(
  slot: PasswordSlot,
  vaultId: string,
  password: string,
  kdf: Kdf,
): Promise<Buffer | null> {
  const pw = passwordBytes(password);
  const slotKey = await kdf(pw, slot.kdf).finally(() => wipe(pw));
  try {
    return unwrapSlot(slot, vaultId, slotKey);
  } finally {
    wipe(slotKey);
  }
}

export function findSlot<T extends SlotType>(
  header: VaultHeader,
  type: T,
): Extract<Slot, { type: T }> | undefined {
  return header.slots.find((s): s is Extract<Slot, { type: T }> => s.type === type);
}

/** Adds the slot, replacing one of the same kind. */
export function withSlot(header: VaultHeader, slot: Slot): VaultHeader {
  return { ...header, slots: [...header.slots.filter((s) => s.type !== slot.type), slot] };
}

/** Removes a slot; removing the last way to unlock is refused. */
export function withoutSlot(header: VaultHeader, type: SlotType): VaultHeader {
  const slots = header.slots.filter((s) => s.type !== type);
  if (slots.length === header.slots.length) {
    throw new LatchkeyError(
      type === 'password' ? 'vault.no-password-slot' : 'vault.no-keychain-slot',
    );
  }
  if (slots.length === 0) throw new LatchkeyError('vault.last-unlock-method');
  return { ...header, slots };
}

/** The vault password must follow the one password rule (src/shared/password-rule.ts). */
export function checkNewPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem === 'too-short') throw new LatchkeyError('vault.password-too-short');
  if (problem === 'too-long') throw new LatchkeyError('vault.password-too-long');
}
