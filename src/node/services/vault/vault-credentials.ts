import { toBase64 } from '../../../core/node/vault/base64';
import { randomKey, wipe } from '../../../core/node/vault/crypto';
import {
  checkSlots,
  keychainAccountFor,
  type Slot,
  type VaultHeader,
} from '../../../core/node/vault/format';
import type { Kdf } from '../../../core/node/vault/kdf';
import {
  checkNewPassword,
  findSlot,
  makeKeychainSlot,
  makePasswordSlot,
  unwrapSlot,
  withSlot,
} from '../../../core/node/vault/slots';
import { LatchkeyError } from '../../../shared/errors';
import type { GenerationRecovery } from './generation-recovery';
import type { KeychainAdapter } from './keychain-adapter';
import type { LockoutStore } from './lockout-store';
import { readKeychainKey } from './unlock-credential';
import type { Unlocked, VaultSession } from './vault-session';

export interface CredentialOptions {
  readonly session: VaultSession;
  readonly lockout: LockoutStore;
  readonly recovery: GenerationRecovery;
  readonly keychain: KeychainAdapter | null;
  readonly kdf: Kdf;
  /** log2 of scrypt N for new password slots. */
  readonly logN: number;
}

/**
 * The ways to unlock: set, change or remove the password, turn this device's keychain key on
 * or off, check the password again. Adding a credential wraps the current master key; replacing
 * or removing one draws a NEW master key, re-wraps the remaining credentials and re-seals the
 * saved generations (`#rotate`), so a password believed leaked opens nothing current.
 */
export class VaultCredentials {
  readonly #o: CredentialOptions;

  constructor(options: CredentialOptions) {
    this.#o = options;
  }

  /**
   * Re-authentication while unlocked: the password against the password slot, counting toward
   * (and honouring) the lockout like an unlock attempt.
   */
  async verifyPassword(password: string): Promise<void> {
    const state = this.#o.session.require();
    if (!findSlot(state.header, 'password')) throw new LatchkeyError('vault.no-password-slot');
    await this.#o.lockout.attempt(password, this.#o.kdf, async (credential) => {
      const key = await credential.unwrap(state.header);
      if (!key) throw new LatchkeyError('vault.wrong-password');
      wipe(key);
    });
  }

  /**
   * Adds a password, or replaces it (the current one is then required, and the master key is
   * replaced: the old password opens neither vault.json nor any generation afterwards).
   */
  async setPassword(newPassword: string, currentPassword?: string): Promise<void> {
    const state = this.#o.session.require();
    checkNewPassword(newPassword);
    if (!findSlot(state.header, 'password')) {
      const slot = await this.#passwordSlot(state.masterKey, state.header.vaultId, newPassword);
      await this.#o.session.enqueue((s) => ({ ...s, header: withSlot(s.header, slot) }));
      return;
    }
    if (currentPassword === undefined) throw new LatchkeyError('vault.current-password-required');
    await this.verifyPassword(currentPassword);
    await this.#rotate(async (key, header) => [
      ...(findSlot(header, 'keychain') ? [await this.#keychainSlot(key, header)] : []),
      await this.#passwordSlot(key, header.vaultId, newPassword),
    ]);
  }

  /** Leaves only this device's keychain key; a new master key (see the class comment). */
  async removePassword(currentPassword: string): Promise<void> {
    const state = this.#o.session.require();
    if (!findSlot(state.header, 'password')) throw new LatchkeyError('vault.no-password-slot');
    if (!findSlot(state.header, 'keychain')) throw new LatchkeyError('vault.last-unlock-method');
    await this.verifyPassword(currentPassword);
    await this.#rotate(async (key, header) => [await this.#keychainSlot(key, header)]);
  }

  /** Lets this device unlock without a password: a fresh key in the OS keychain. */
  async enableKeychain(): Promise<void> {
    const state = this.#o.session.require();
    const keychain = this.#o.keychain;
    if (!keychain || !(await keychain.available())) {
      throw new LatchkeyError('vault.keychain-unavailable');
    }
    const masterKey = Buffer.from(state.masterKey);
    try {
      const slot = await this.newKeychainSlot(state.header.vaultId, masterKey);
      await this.#o.session.enqueue((s) => ({ ...s, header: withSlot(s.header, slot) }));
    } catch (error) {
      if (!findSlot(state.header, 'keychain')) {
        await keychain.delete(keychainAccountFor(state.header.vaultId)).catch(() => false);
      }
      throw error;
    } finally {
      wipe(masterKey);
    }
  }

  /**
   * "Sign out of this device": the password alone remains, over a new master key (so the
   * keychain key, wherever it was copied, opens nothing current); the keychain entry is deleted.
   * The caller locks. Needs the password: the new key must be wrapped under it.
   */
  async disableKeychain(currentPassword: string): Promise<void> {
    const state = this.#o.session.require();
    const slot = findSlot(state.header, 'keychain');
    if (!slot) throw new LatchkeyError('vault.no-keychain-slot');
    if (!findSlot(state.header, 'password')) throw new LatchkeyError('vault.last-unlock-method');
    await this.verifyPassword(currentPassword);
    await this.#rotate(async (key, header) => [
      await this.#passwordSlot(key, header.vaultId, currentPassword),
    ]);
    if (!this.#o.keychain) throw new LatchkeyError('vault.keychain-unavailable');
    await this.#o.keychain.delete(slot.account);
  }

  /**
   * After a password unlock: a password slot cheaper than today's cost (written before N was
   * raised) is re-made at the current cost. Same password, same master key: nothing to rotate.
   */
  async upgradePasswordSlot(password: string): Promise<void> {
    const state = this.#o.session.require();
    const slot = findSlot(state.header, 'password');
    if (!slot || slot.kdf.N >= 2 ** this.#o.logN) return;
    const fresh = await this.#passwordSlot(state.masterKey, state.header.vaultId, password);
    await this.#o.session.enqueue((s) =>
      s.masterKey.equals(state.masterKey) ? { ...s, header: withSlot(s.header, fresh) } : s,
    );
  }

  /** Stores a fresh keychain key for the vault and returns the slot wrapping `masterKey`. */
  async newKeychainSlot(vaultId: string, masterKey: Buffer) {
    const keychain = this.#o.keychain;
    if (!keychain) throw new LatchkeyError('vault.keychain-unavailable');
    const key = randomKey();
    try {
      await keychain.set(keychainAccountFor(vaultId), toBase64(key));
      return makeKeychainSlot(vaultId, masterKey, key);
    } finally {
      wipe(key);
    }
  }

  async #passwordSlot(masterKey: Buffer, vaultId: string, password: string) {
    // A copy: lock() may wipe the live key while the KDF runs.
    const copy = Buffer.from(masterKey);
    try {
      return await makePasswordSlot(vaultId, copy, password, this.#o.kdf, this.#o.logN);
    } finally {
      wipe(copy);
    }
  }

  /**
   * This device's keychain key (unchanged) wrapping the new master key. Reading it, not minting
   * a new one, means a failed save leaves the keychain entry matching vault.json as it is.
   */
  async #keychainSlot(newKey: Buffer, header: VaultHeader): Promise<Slot> {
    const key = await readKeychainKey(this.#o.keychain, header);
    try {
      const current = this.#o.session.require();
      const slot = findSlot(header, 'keychain')!;
      const opened = unwrapSlot(slot, header.vaultId, key);
      const matches = opened?.equals(current.masterKey) ?? false;
      wipe(opened);
      if (!matches) throw new LatchkeyError('vault.keychain-mismatch');
      return makeKeychainSlot(header.vaultId, newKey, key);
    } finally {
      wipe(key);
    }
  }

  /**
   * Replaces the master key: `slotsFor` wraps the new key in every credential that stays; the
   * vault is saved under it, then the generations are re-sealed (or deleted) and the old key
   * is overwritten. A crash before the re-seal is finished at the next unlock (sweep).
   */
  async #rotate(slotsFor: (newKey: Buffer, header: VaultHeader) => Promise<Slot[]>) {
    const { session, recovery } = this.#o;
    const before = session.require();
    const oldKey = Buffer.from(before.masterKey);
    const newKey = randomKey();
    const newKeyCopy = Buffer.from(newKey);
    let replaced: Unlocked | null = null;
    try {
      const header: VaultHeader = {
        vaultId: before.header.vaultId,
        slots: await slotsFor(newKeyCopy, before.header),
      };
      checkSlots(header);
      await session.enqueue((s) => {
        // Another rotation won the race: its key, not ours, is current.
        if (!s.masterKey.equals(oldKey)) throw new LatchkeyError('vault.locked');
        replaced = s;
        return { ...s, masterKey: newKey, header };
      });
      await recovery.reseal(oldKey, { masterKey: newKeyCopy, header, db: before.db });
    } finally {
      if (replaced) wipe((replaced as Unlocked).masterKey);
      else wipe(newKey);
      wipe(oldKey, newKeyCopy);
    }
  }
}
