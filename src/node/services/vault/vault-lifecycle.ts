import { randomBytes } from 'node:crypto';
import { access, unlink } from 'node:fs/promises';
import type { SecretAccount } from '../../../core/common/model';
import { randomKey, wipe } from '../../../core/node/vault/crypto';
import {
  checkAccounts,
  checkSettings,
  DEFAULT_SETTINGS,
  type VaultSettings,
} from '../../../core/node/vault/database';
import {
  KEYCHAIN_SERVICE,
  keychainAccountFor,
  parseVaultFile,
  serializeHeader,
  type VaultFile,
  type VaultHeader,
} from '../../../core/node/vault/format';
import type { Kdf } from '../../../core/node/vault/kdf';
import {
  checkNewPassword,
  findSlot,
  makePasswordSlot,
  withSlot,
} from '../../../core/node/vault/slots';
import type { ErasePlan } from '../../../shared/bridge';
import { isLatchkeyError, LatchkeyError } from '../../../shared/errors';
import type { GenerationRecovery } from './generation-recovery';
import type { KeychainAdapter } from './keychain-adapter';
import type { LockoutStore } from './lockout-store';
import { keychainCredential, type Credential } from './unlock-credential';
import type { VaultCredentials } from './vault-credentials';
import type { Unlocked, VaultSession } from './vault-session';

export interface VaultStatus {
  readonly state: 'absent' | 'locked' | 'unlocked';
  readonly slots: { readonly keychain: boolean; readonly password: boolean };
  readonly keychainAvailable: boolean;
  readonly lockout?: { readonly until: number };
  /** Set when vault.json exists but cannot even be parsed (before any key is tried). */
  readonly damaged?: { readonly code: string };
}

export interface LifecycleOptions {
  readonly session: VaultSession;
  readonly lockout: LockoutStore;
  readonly recovery: GenerationRecovery;
  readonly credentials: VaultCredentials;
  readonly keychain: KeychainAdapter | null;
  readonly kdf: Kdf;
  readonly logN: number;
}

/**
 * The vault's life: status, create, unlock, lock, reading and saving accounts and settings,
 * erasing. Credentials and generations are the other two parts (see vault-service.ts).
 */
export class VaultLifecycle {
  readonly #o: LifecycleOptions;

  constructor(options: LifecycleOptions) {
    this.#o = options;
  }

  async status(): Promise<VaultStatus> {
    const keychain = this.#o.keychain;
    const keychainAvailable = keychain ? await keychain.available() : false;
    const lockout = (await this.#o.lockout.check()) ?? undefined;
    const base = { keychainAvailable, ...(lockout ? { lockout } : {}) };
    const current = this.#o.session.current;
    if (current) return { state: 'unlocked', slots: slotFlags(current.header), ...base };
    const bytes = await this.#o.session.store.read();
    if (!bytes) return { state: 'absent', slots: { keychain: false, password: false }, ...base };
    try {
      const file = parseVaultFile(bytes, this.#o.session.weak);
      return { state: 'locked', slots: slotFlags(file.header), ...base };
    } catch (error) {
      const code = isLatchkeyError(error) ? error.code : 'vault.corrupt';
      const slots = { keychain: false, password: false };
      return { state: 'locked', slots, damaged: { code }, ...base };
    }
  }

  async create(options: { keychain: boolean; password?: string }): Promise<void> {
    const { session, keychain } = this.#o;
    if (!options.keychain && options.password === undefined) {
      throw new LatchkeyError('vault.no-unlock-method');
    }
    if (options.password !== undefined) checkNewPassword(options.password);
    if ((await session.store.read()) !== null) throw new LatchkeyError('vault.exists');
    if (options.keychain && !(keychain && (await keychain.available()))) {
      throw new LatchkeyError('vault.keychain-unavailable');
    }
    const vaultId = randomBytes(16).toString('hex');
    const masterKey = randomKey();
    let header: VaultHeader = { vaultId, slots: [] };
    let keychainAccount: string | null = null;
    try {
      if (options.password !== undefined) {
        const { kdf, logN } = this.#o;
        header = withSlot(
          header,
          await makePasswordSlot(vaultId, masterKey, options.password, kdf, logN),
        );
      }
      if (options.keychain) {
        header = withSlot(header, await this.#o.credentials.newKeychainSlot(vaultId, masterKey));
        keychainAccount = keychainAccountFor(vaultId);
      }
      const next: Unlocked = {
        masterKey,
        header,
        db: { accounts: [], settings: DEFAULT_SETTINGS },
      };
      await session.save(next);
      session.open(next);
      await this.#o.lockout.reset();
    } catch (error) {
      if (keychainAccount) await keychain?.delete(keychainAccount).catch(() => false);
      wipe(masterKey);
      throw error;
    }
  }

  async unlockWithKeychain(): Promise<void> {
    if (this.#o.session.current) return;
    const { file, parseError } = await this.#readMain();
    const header = file?.header ?? (await this.#o.recovery.newestParsableHeader());
    if (!header) throw parseError ?? new LatchkeyError('vault.corrupt');
    const credential = await keychainCredential(this.#o.keychain, header);
    try {
      await this.#unlockWith(credential, file, parseError, 'vault.keychain-mismatch');
    } finally {
      credential.dispose();
    }
  }

  async unlockWithPassword(password: string): Promise<void> {
    if (this.#o.session.current) return;
    // Cheap refusals first, so they never count as a wrong password.
    const { file, parseError } = await this.#readMain();
    if (file && !findSlot(file.header, 'password')) {
      throw new LatchkeyError('vault.no-password-slot');
    }
    await this.#o.lockout.attempt(password, this.#o.kdf, (credential) =>
      this.#unlockWith(credential, file, parseError, 'vault.wrong-password'),
    );
    // Best effort: a failed upgrade save leaves the old slot, tried again next time.
    await this.#o.credentials.upgradePasswordSlot(password).catch(() => undefined);
  }

  async lock(): Promise<void> {
    await this.#o.session.close();
    this.#o.recovery.forget();
  }

  accounts(): readonly SecretAccount[] {
    return this.#o.session.require().db.accounts;
  }

  settings(): VaultSettings {
    return this.#o.session.require().db.settings;
  }

  async update(
    mutator: (accounts: readonly SecretAccount[]) => readonly SecretAccount[],
  ): Promise<void> {
    return this.#o.session.enqueue((state) => {
      const accounts = mutator(state.db.accounts);
      checkAccounts(accounts);
      return { ...state, db: { ...state.db, accounts } };
    });
  }

  async updateSettings(patch: Partial<VaultSettings>): Promise<void> {
    return this.#o.session.enqueue((state) => {
      const settings = checkSettings(
        { ...state.db.settings, ...patch },
        () => new LatchkeyError('vault.settings-invalid'),
      );
      return { ...state, db: { ...state.db, settings } };
    });
  }

  /**
   * Exactly what eraseAll deletes, as it is now: every file and folder of the vault in the data
   * folder (listed one by one) and the keychain entry. Automatic backups elsewhere stay.
   */
  async erasePlan(): Promise<ErasePlan> {
    const { session, lockout } = this.#o;
    const paths = [...(await session.store.erasablePaths())];
    if (
      await access(lockout.path).then(
        () => true,
        () => false,
      )
    )
      paths.push(lockout.path);
    const header = session.current?.header ?? (await this.#o.recovery.newestParsableHeader());
    const slot = header && findSlot(header, 'keychain');
    return { paths, keychainEntry: slot ? `${KEYCHAIN_SERVICE} / ${slot.account}` : null };
  }

  /** Deletes the vault, its generations, the lockout record and the keychain entry. */
  async eraseAll(): Promise<void> {
    const { session, keychain, lockout } = this.#o;
    const vaultId =
      session.current?.header.vaultId ?? (await this.#o.recovery.newestParsableHeader())?.vaultId;
    await this.lock();
    await session.store.eraseAll();
    await lockout.reset();
    await unlink(lockout.path).catch(() => undefined);
    if (vaultId && keychain) {
      await keychain.delete(keychainAccountFor(vaultId)).catch(() => false);
    }
  }

  async #readMain(): Promise<{ file: VaultFile | null; parseError: LatchkeyError | null }> {
    const bytes = await this.#o.session.store.read();
    if (!bytes) throw new LatchkeyError('vault.absent');
    try {
      return { file: parseVaultFile(bytes, this.#o.session.weak), parseError: null };
    } catch (error) {
      if (!isLatchkeyError(error) || error.code === 'vault.unknown-version') throw error;
      return { file: null, parseError: error };
    }
  }

  async #unlockWith(
    credential: Credential,
    file: VaultFile | null,
    parseError: LatchkeyError | null,
    wrongCode: 'vault.wrong-password' | 'vault.keychain-mismatch',
  ): Promise<void> {
    const state = await this.#o.recovery.open(credential, file, parseError, wrongCode);
    this.#o.session.open(state);
    // Finishes a key rotation a crash interrupted (no-op otherwise).
    await this.#o.recovery.sweep(state, serializeHeader(state.header)).catch(() => undefined);
  }
}

function slotFlags(header: VaultHeader): VaultStatus['slots'] {
  return {
    keychain: header.slots.some((s) => s.type === 'keychain'),
    password: header.slots.some((s) => s.type === 'password'),
  };
}
