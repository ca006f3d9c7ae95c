import type { SecretAccount } from '../../../core/common/model';
import type { VaultSettings } from '../../../core/node/vault/database';
import { verifyVault } from '../../../core/node/vault/envelope';
import { parseVaultFile, serializeHeader } from '../../../core/node/vault/format';
import {
  checkScryptParams,
  DEFAULT_SCRYPT_LOG_N,
  scryptKdf,
  SCRYPT_LIMITS,
  type Kdf,
} from '../../../core/node/vault/kdf';
import type { ErasePlan } from '../../../shared/bridge';
import { LatchkeyError } from '../../../shared/errors';
import { VaultFileStore, type GenerationInfo } from './file-store';
import { GenerationRecovery } from './generation-recovery';
import type { KeychainAdapter } from './keychain-adapter';
import { LockoutStore } from './lockout-store';
import { openVaultFileWithPassword } from './read-only';
import { VaultCredentials } from './vault-credentials';
import { VaultLifecycle, type VaultStatus } from './vault-lifecycle';
import { VaultSession } from './vault-session';

export type { VaultStatus } from './vault-lifecycle';

export interface VaultServiceOptions {
  /** The folder holding vault.json, generations/ and lockout.json. */
  readonly dir: string;
  /** null where no keychain exists (treated exactly like an unavailable one). */
  readonly keychain: KeychainAdapter | null;
  readonly now?: () => number;
  /** Injected so tests can count KDF runs; defaults to async scrypt on the thread pool. */
  readonly kdf?: Kdf;
  /** log2 of scrypt N for new password slots (default 17). */
  readonly scryptLogN?: number;
  /** Allows scrypt N below 2^15 when writing and reading. Tests only; never set in the app. */
  readonly allowWeakKdfForTests?: boolean;
  /** Monotonic clock for in-run lockout timing. */
  readonly monotonic?: () => number;
  /** Called after every durable save (e.g. to write an automatic backup copy). */
  readonly onSaved?: (vaultFileBytes: Uint8Array, settings: VaultSettings) => void;
}

export const ERASE_CONFIRMATION = 'ERASE';

/**
 * The vault in main, in three parts as Aegis splits it: the lifecycle (status, create, unlock,
 * lock, save, settings), the credentials (password and keychain, where key rotation lives) and
 * generation recovery; every password check goes through `LockoutStore.attempt()`. This class
 * only builds them and is the one object the rest of main talks to. No Electron here.
 */
export class VaultService {
  readonly #lifecycle: VaultLifecycle;
  readonly #credentials: VaultCredentials;
  readonly #recovery: GenerationRecovery;
  readonly #session: VaultSession;
  readonly #lockout: LockoutStore;
  readonly #kdf: Kdf;

  constructor(options: VaultServiceOptions) {
    const now = options.now ?? Date.now;
    const weak = options.allowWeakKdfForTests ?? false;
    const logN = options.scryptLogN ?? DEFAULT_SCRYPT_LOG_N;
    checkScryptParams(
      { N: 2 ** logN, r: SCRYPT_LIMITS.r, p: SCRYPT_LIMITS.p, salt: new Uint8Array(32) },
      weak,
    );
    this.#kdf = options.kdf ?? scryptKdf;
    this.#lockout = new LockoutStore(options.dir, now, options.monotonic);
    this.#session = new VaultSession({
      store: new VaultFileStore(options.dir),
      now,
      weak,
      ...(options.onSaved && { onSaved: options.onSaved }),
    });
    const parts = {
      session: this.#session,
      lockout: this.#lockout,
      keychain: options.keychain,
      kdf: this.#kdf,
      logN,
    };
    this.#recovery = new GenerationRecovery(this.#session);
    this.#credentials = new VaultCredentials({ ...parts, recovery: this.#recovery });
    this.#lifecycle = new VaultLifecycle({
      ...parts,
      recovery: this.#recovery,
      credentials: this.#credentials,
    });
  }

  // ---- lifecycle ----

  status(): Promise<VaultStatus> {
    return this.#lifecycle.status();
  }

  create(options: { keychain: boolean; password?: string }): Promise<void> {
    return this.#lifecycle.create(options);
  }

  unlockWithKeychain(): Promise<void> {
    return this.#lifecycle.unlockWithKeychain();
  }

  unlockWithPassword(password: string): Promise<void> {
    return this.#lifecycle.unlockWithPassword(password);
  }

  lock(): Promise<void> {
    return this.#lifecycle.lock();
  }

  isUnlocked(): boolean {
    return this.#session.current !== null;
  }

  accounts(): readonly SecretAccount[] {
    return this.#lifecycle.accounts();
  }

  settings(): VaultSettings {
    return this.#lifecycle.settings();
  }

  /** Saves the mutator's result; memory changes only once the file is durably written. */
  update(mutator: (accounts: readonly SecretAccount[]) => readonly SecretAccount[]) {
    return this.#lifecycle.update(mutator);
  }

  updateSettings(patch: Partial<VaultSettings>): Promise<void> {
    return this.#lifecycle.updateSettings(patch);
  }

  /** Deletes the vault, its generations, the lockout record and the keychain entry. */
  async eraseAll(confirmation: string): Promise<void> {
    if (confirmation !== ERASE_CONFIRMATION) throw new LatchkeyError('vault.confirmation-mismatch');
    await this.#lifecycle.eraseAll();
  }

  /** What eraseAll would delete, named exactly (shown before the user types ERASE). */
  erasePlan(): Promise<ErasePlan> {
    return this.#lifecycle.erasePlan();
  }

  // ---- credentials ----

  verifyPassword(password: string): Promise<void> {
    return this.#credentials.verifyPassword(password);
  }

  /** Adds or replaces the password slot. The current password is required when one exists. */
  setPassword(newPassword: string, options: { currentPassword?: string } = {}): Promise<void> {
    return this.#credentials.setPassword(newPassword, options.currentPassword);
  }

  removePassword(currentPassword: string): Promise<void> {
    return this.#credentials.removePassword(currentPassword);
  }

  enableKeychain(): Promise<void> {
    return this.#credentials.enableKeychain();
  }

  /** "Sign out of this device": new master key under the password alone, entry deleted, lock. */
  async disableKeychain(currentPassword: string): Promise<void> {
    try {
      await this.#credentials.disableKeychain(currentPassword);
    } finally {
      if (this.#session.current && !this.#session.current.header.slots.some(isKeychain)) {
        await this.lock();
      }
    }
  }

  /**
   * Opens a Latchkey vault file (an automatic backup, or this vault's own file) with its
   * password. A guess like any other: it counts toward and honours this folder's lockout.
   */
  openFileWithPassword(bytes: Uint8Array, password: string): Promise<SecretAccount[]> {
    return openVaultFileWithPassword(bytes, password, this.#lockout, {
      kdf: this.#kdf,
      allowWeakKdfForTests: this.#session.weak,
    });
  }

  /** Whether a vault file (e.g. an automatic backup) is sealed under the current master key. */
  opensWithCurrentKey(bytes: Uint8Array): boolean {
    const { masterKey } = this.#session.require();
    try {
      verifyVault(parseVaultFile(bytes, this.#session.weak), masterKey);
      return true;
    } catch {
      return false;
    }
  }

  /** The header text of the unlocked vault (not secret: vault.json holds it in the clear). */
  headerText(): string {
    return serializeHeader(this.#session.require().header);
  }

  /** The bytes of vault.json as saved (e.g. for a fresh automatic backup copy). */
  currentFile(): Promise<Buffer | null> {
    this.#session.require();
    return this.#session.store.read();
  }

  // ---- generation recovery ----

  listGenerations(): Promise<GenerationInfo[]> {
    return this.#recovery.list();
  }

  restoreGeneration(id: string): Promise<void> {
    return this.#recovery.restore(id);
  }
}

const isKeychain = (slot: { type: string }) => slot.type === 'keychain';
