import { randomBytes } from 'node:crypto';
import type { SecretAccount } from '../../../core/common/model';
import { toBase64 } from '../../../core/node/vault/base64';
import { randomKey, wipe } from '../../../core/node/vault/crypto';
import {
  checkAccounts,
  checkSettings,
  DEFAULT_SETTINGS,
  type VaultDatabase,
  type VaultSettings,
} from '../../../core/node/vault/database';
import { openVault, sealVault, verifyVault } from '../../../core/node/vault/envelope';
import {
  keychainAccountFor,
  parseVaultFile,
  type VaultFile,
  type VaultHeader,
} from '../../../core/node/vault/format';
import {
  checkScryptParams,
  DEFAULT_SCRYPT_LOG_N,
  scryptKdf,
  SCRYPT_LIMITS,
  type Kdf,
} from '../../../core/node/vault/kdf';
import {
  checkNewPassword,
  findSlot,
  makeKeychainSlot,
  makePasswordSlot,
  withoutSlot,
  withSlot,
} from '../../../core/node/vault/slots';
import { isLatchkeyError, LatchkeyError } from '../../../shared/errors';
import { VaultFileStore, type GenerationInfo } from './file-store';
import type { KeychainAdapter } from './keychain-adapter';
import { LockoutStore } from './lockout-store';
import { openVaultFileWithPassword } from './read-only';
import { SaveQueue } from './save-queue';
import { keychainCredential, type Credential } from './unlock-credential';

export interface VaultServiceOptions {
  /** The folder holding vault.json, generations/ and lockout.json. */
  readonly dir: string;
  /** null where no keychain exists (treated exactly like an unavailable one). */
  readonly keychain: KeychainAdapter | null;
  readonly now?: () => number;
  /** Injected so tests can count KDF runs; defaults to async scrypt on the thread pool. */
  readonly kdf?: Kdf;
  /** log2 of scrypt N for new password slots (default 15). */
  readonly scryptLogN?: number;
  /** Allows scrypt N below 2^15 when writing and reading. Tests only; never set in the app. */
  readonly allowWeakKdfForTests?: boolean;
  /** Monotonic clock for in-run lockout timing. */
  readonly monotonic?: () => number;
  /** Called after every durable save (e.g. to write an automatic backup copy). */
  readonly onSaved?: (vaultFileBytes: Uint8Array, settings: VaultSettings) => void;
}

export interface VaultStatus {
  readonly state: 'absent' | 'locked' | 'unlocked';
  readonly slots: { readonly keychain: boolean; readonly password: boolean };
  readonly keychainAvailable: boolean;
  readonly lockout?: { readonly until: number };
  /** Set when vault.json exists but cannot even be parsed (before any key is tried). */
  readonly damaged?: { readonly code: string };
}

/** The decrypted vault while unlocked. Replaced wholesale on every successful save. */
interface Unlocked {
  readonly masterKey: Buffer;
  readonly header: VaultHeader;
  readonly db: VaultDatabase;
}

export const ERASE_CONFIRMATION = 'ERASE';

/**
 * The vault in main: lock state, slots, lockout and the single save queue (DESIGN.md §3).
 * No Electron here; the app passes the keytar adapter and its data folder.
 */
export class VaultService {
  readonly #store: VaultFileStore;
  readonly #lockout: LockoutStore;
  readonly #keychain: KeychainAdapter | null;
  readonly #now: () => number;
  readonly #kdf: Kdf;
  readonly #logN: number;
  readonly #weak: boolean;
  readonly #queue: SaveQueue<Unlocked>;
  readonly #onSaved: VaultServiceOptions['onSaved'];
  #unlocked: Unlocked | null = null;
  /** Generations an unlock attempt proved the user can open (see restoreGeneration). */
  #restorable = new Set<string>();
  #cleaned = false;

  constructor(options: VaultServiceOptions) {
    this.#store = new VaultFileStore(options.dir);
    this.#now = options.now ?? Date.now;
    this.#lockout = new LockoutStore(options.dir, this.#now, options.monotonic);
    this.#keychain = options.keychain;
    this.#onSaved = options.onSaved;
    this.#kdf = options.kdf ?? scryptKdf;
    this.#weak = options.allowWeakKdfForTests ?? false;
    this.#logN = options.scryptLogN ?? DEFAULT_SCRYPT_LOG_N;
    checkScryptParams(
      { N: 2 ** this.#logN, r: SCRYPT_LIMITS.r, p: SCRYPT_LIMITS.p, salt: new Uint8Array(32) },
      this.#weak,
    );
    this.#queue = new SaveQueue<Unlocked>({
      current: () => this.#unlocked,
      save: (next) => this.#save(next),
      commit: (next) => {
        this.#unlocked = next;
      },
    });
  }

  async status(): Promise<VaultStatus> {
    const keychainAvailable = this.#keychain ? await this.#keychain.available() : false;
    const lockout = (await this.#lockout.check()) ?? undefined;
    const base = { keychainAvailable, ...(lockout ? { lockout } : {}) };
    if (this.#unlocked)
      return { state: 'unlocked', slots: slotFlags(this.#unlocked.header), ...base };
    const bytes = await this.#store.read();
    if (!bytes) return { state: 'absent', slots: { keychain: false, password: false }, ...base };
    try {
      const file = parseVaultFile(bytes, this.#weak);
      return { state: 'locked', slots: slotFlags(file.header), ...base };
    } catch (error) {
      const code = isLatchkeyError(error) ? error.code : 'vault.corrupt';
      return {
        state: 'locked',
        slots: { keychain: false, password: false },
        damaged: { code },
        ...base,
      };
    }
  }

  async create(options: { keychain: boolean; password?: string }): Promise<void> {
    if (!options.keychain && options.password === undefined) {
      throw new LatchkeyError('vault.no-unlock-method');
    }
    if (options.password !== undefined) checkNewPassword(options.password);
    if ((await this.#store.read()) !== null) throw new LatchkeyError('vault.exists');
    if (options.keychain && !(this.#keychain && (await this.#keychain.available()))) {
      throw new LatchkeyError('vault.keychain-unavailable');
    }
    const vaultId = randomBytes(16).toString('hex');
    const masterKey = randomKey();
    let header: VaultHeader = { vaultId, slots: [] };
    let keychainAccount: string | null = null;
    try {
      if (options.password !== undefined) {
        const slot = await makePasswordSlot(
          vaultId,
          masterKey,
          options.password,
          this.#kdf,
          this.#logN,
        );
        header = withSlot(header, slot);
      }
      if (options.keychain && this.#keychain) {
        header = withSlot(header, await this.#newKeychainSlot(vaultId, masterKey));
        keychainAccount = keychainAccountFor(vaultId);
      }
      const next: Unlocked = {
        masterKey,
        header,
        db: { accounts: [], settings: DEFAULT_SETTINGS },
      };
      await this.#save(next);
      this.#unlocked = next;
      await this.#lockout.reset();
    } catch (error) {
      if (keychainAccount) await this.#keychain?.delete(keychainAccount).catch(() => false);
      wipe(masterKey);
      throw error;
    }
  }

  async unlockWithKeychain(): Promise<void> {
    if (this.#unlocked) return;
    const { file, parseError } = await this.#readMain();
    const header = file?.header ?? (await this.#newestParsableHeader());
    if (!header) throw parseError ?? new LatchkeyError('vault.corrupt');
    const credential = await keychainCredential(this.#keychain, header);
    try {
      await this.#unlockWith(credential, file, parseError, 'vault.keychain-mismatch');
    } finally {
      credential.dispose();
    }
  }

  async unlockWithPassword(password: string): Promise<void> {
    if (this.#unlocked) return;
    // Cheap refusals first, so they never count as a wrong password.
    const { file, parseError } = await this.#readMain();
    if (file && !findSlot(file.header, 'password')) {
      throw new LatchkeyError('vault.no-password-slot');
    }
    await this.#passwordAttempt(password, (credential) =>
      this.#unlockWith(credential, file, parseError, 'vault.wrong-password'),
    );
  }

  async lock(): Promise<void> {
    await this.#queue.drain();
    const state = this.#unlocked;
    this.#unlocked = null;
    this.#restorable.clear();
    if (state) {
      wipe(state.masterKey);
      for (const account of state.db.accounts) wipe(account.secret);
    }
  }

  /** Cheap and synchronous: the bridge asks this before every operation. */
  isUnlocked(): boolean {
    return this.#unlocked !== null;
  }

  accounts(): readonly SecretAccount[] {
    return this.#requireUnlocked().db.accounts;
  }

  settings(): VaultSettings {
    return this.#requireUnlocked().db.settings;
  }

  /** Saves the mutator's result; memory changes only once the file is durably written. */
  async update(
    mutator: (accounts: readonly SecretAccount[]) => readonly SecretAccount[],
  ): Promise<void> {
    this.#requireUnlocked();
    return this.#queue.enqueue((state) => {
      const accounts = mutator(state.db.accounts);
      checkAccounts(accounts);
      return { ...state, db: { ...state.db, accounts } };
    });
  }

  async updateSettings(patch: Partial<VaultSettings>): Promise<void> {
    this.#requireUnlocked();
    return this.#queue.enqueue((state) => {
      const settings = checkSettings(
        { ...state.db.settings, ...patch },
        () => new LatchkeyError('vault.settings-invalid'),
      );
      return { ...state, db: { ...state.db, settings } };
    });
  }

  /**
   * Re-authentication for sensitive changes while unlocked: checks the password against the
   * password slot, counting toward (and honouring) the lockout like an unlock attempt.
   */
  async verifyPassword(password: string): Promise<void> {
    const state = this.#requireUnlocked();
    if (!findSlot(state.header, 'password')) throw new LatchkeyError('vault.no-password-slot');
    await this.#passwordAttempt(password, async (credential) => {
      const key = await credential.unwrap(state.header);
      if (!key) throw new LatchkeyError('vault.wrong-password');
      wipe(key);
    });
  }

  /** Adds or replaces the password slot. The current password is required when one exists. */
  async setPassword(
    newPassword: string,
    options: { currentPassword?: string } = {},
  ): Promise<void> {
    const state = this.#requireUnlocked();
    checkNewPassword(newPassword);
    if (findSlot(state.header, 'password')) {
      if (options.currentPassword === undefined) {
        throw new LatchkeyError('vault.current-password-required');
      }
      await this.verifyPassword(options.currentPassword);
    }
    if (this.#unlocked !== state) throw new LatchkeyError('vault.locked');
    // A copy: lock() may wipe the live key while the KDF runs.
    const masterKey = Buffer.from(state.masterKey);
    try {
      const slot = await makePasswordSlot(
        state.header.vaultId,
        masterKey,
        newPassword,
        this.#kdf,
        this.#logN,
      );
      await this.#queue.enqueue((s) => ({ ...s, header: withSlot(s.header, slot) }));
    } finally {
      wipe(masterKey);
    }
  }

  async removePassword(): Promise<void> {
    this.#requireUnlocked();
    return this.#queue.enqueue((s) => ({ ...s, header: withoutSlot(s.header, 'password') }));
  }

  /** Lets this device unlock without a password: a fresh key in the OS keychain. */
  async enableKeychain(): Promise<void> {
    const state = this.#requireUnlocked();
    if (!this.#keychain || !(await this.#keychain.available())) {
      throw new LatchkeyError('vault.keychain-unavailable');
    }
    const masterKey = Buffer.from(state.masterKey);
    try {
      const slot = await this.#newKeychainSlot(state.header.vaultId, masterKey);
      await this.#queue.enqueue((s) => ({ ...s, header: withSlot(s.header, slot) }));
    } catch (error) {
      if (!findSlot(state.header, 'keychain')) {
        await this.#keychain.delete(keychainAccountFor(state.header.vaultId)).catch(() => false);
      }
      throw error;
    } finally {
      wipe(masterKey);
    }
  }

  /** "Sign out of this device": drop the keychain slot, delete the keychain entry, lock. */
  async disableKeychain(): Promise<void> {
    this.#requireUnlocked();
    let account = '';
    await this.#queue.enqueue((s) => {
      account = findSlot(s.header, 'keychain')?.account ?? '';
      return { ...s, header: withoutSlot(s.header, 'keychain') };
    });
    await this.lock();
    if (!this.#keychain) throw new LatchkeyError('vault.keychain-unavailable');
    await this.#keychain.delete(account);
  }

  /** Deletes the vault, its generations, the lockout record and the keychain entry. */
  async eraseAll(confirmation: string): Promise<void> {
    if (confirmation !== ERASE_CONFIRMATION) throw new LatchkeyError('vault.confirmation-mismatch');
    const vaultId = this.#unlocked?.header.vaultId ?? (await this.#newestParsableHeader())?.vaultId;
    await this.lock();
    await this.#store.eraseAll();
    await this.#lockout.reset();
    await rmLockout(this.#lockout.path);
    if (vaultId && this.#keychain) {
      await this.#keychain.delete(keychainAccountFor(vaultId)).catch(() => false);
    }
  }

  listGenerations(): Promise<GenerationInfo[]> {
    return this.#store.listGenerations();
  }

  /**
   * Puts a saved generation back as vault.json (the damaged file is kept aside). Allowed while
   * unlocked, or for a generation the last unlock attempt proved the user's credential opens —
   * so restoring never grants access an old password alone would not have had anyway.
   */
  async restoreGeneration(id: string): Promise<void> {
    const bytes = await this.#store.readGeneration(id);
    const state = this.#unlocked;
    if (!state && !this.#restorable.has(id)) throw new LatchkeyError('vault.locked');
    const file = parseVaultFile(bytes, this.#weak);
    const db = state ? openVault(file, state.masterKey) : null;
    await this.#queue.drain();
    await this.#store.restore(id, this.#now());
    this.#restorable.clear();
    if (state && db) this.#unlocked = { ...state, header: file.header, db };
  }

  /**
   * Opens a Latchkey vault file (an automatic backup, or this vault's own file) with its
   * password. A guess like any other: it counts toward and honours this folder's lockout.
   */
  openFileWithPassword(bytes: Uint8Array, password: string): Promise<SecretAccount[]> {
    return openVaultFileWithPassword(bytes, password, this.#lockout, {
      kdf: this.#kdf,
      allowWeakKdfForTests: this.#weak,
    });
  }

  // ---- internals ----

  #requireUnlocked(): Unlocked {
    if (!this.#unlocked) throw new LatchkeyError('vault.locked');
    return this.#unlocked;
  }

  async #newKeychainSlot(vaultId: string, masterKey: Buffer) {
    const keychain = this.#keychain;
    if (!keychain) throw new LatchkeyError('vault.keychain-unavailable');
    const key = randomKey();
    try {
      await keychain.set(keychainAccountFor(vaultId), toBase64(key));
      return makeKeychainSlot(vaultId, masterKey, key);
    } finally {
      wipe(key);
    }
  }

  async #save(next: Unlocked): Promise<void> {
    if (!this.#cleaned) {
      await this.#store.removeStaleTemps();
      this.#cleaned = true;
    }
    const bytes = sealVault(next.masterKey, next.header, next.db);
    await this.#store.write(
      bytes,
      (fromDisk) => verifyVault(parseVaultFile(fromDisk, this.#weak), next.masterKey),
      this.#now(),
    );
    this.#onSaved?.(bytes, next.db.settings);
  }

  async #readMain(): Promise<{ file: VaultFile | null; parseError: LatchkeyError | null }> {
    const bytes = await this.#store.read();
    if (!bytes) throw new LatchkeyError('vault.absent');
    try {
      return { file: parseVaultFile(bytes, this.#weak), parseError: null };
    } catch (error) {
      if (!isLatchkeyError(error) || error.code === 'vault.unknown-version') throw error;
      return { file: null, parseError: error };
    }
  }

  async #newestParsableHeader(): Promise<VaultHeader | null> {
    const main = await this.#store.read();
    for (const bytes of [main, ...(await this.#generationBytes())]) {
      if (!bytes) continue;
      try {
        return parseVaultFile(bytes, this.#weak).header;
      } catch {
        // keep looking
      }
    }
    return null;
  }

  async #generationBytes(): Promise<Buffer[]> {
    const out: Buffer[] = [];
    for (const g of await this.#store.listGenerations()) {
      out.push(await this.#store.readGeneration(g.id).catch(() => Buffer.alloc(0)));
    }
    return out;
  }

  /**
   * Opens vault.json with the credential. When the file is damaged (unparsable, or its payload
   * fails authentication under a key its own slot yielded), tries the generations newest first
   * and reports the first that opens as `details.restorableGeneration`.
   */
  async #unlockWith(
    credential: Credential,
    file: VaultFile | null,
    parseError: LatchkeyError | null,
    wrongCode: 'vault.wrong-password' | 'vault.keychain-mismatch',
  ): Promise<void> {
    let damage: LatchkeyError | null = parseError;
    let masterKey: Buffer | null = null;
    if (file) {
      masterKey = await credential.unwrap(file.header);
      if (!masterKey) throw new LatchkeyError(wrongCode);
      try {
        const db = openVault(file, masterKey);
        this.#unlocked = { masterKey, header: file.header, db };
        this.#restorable.clear();
        return;
      } catch (error) {
        if (!isLatchkeyError(error) || error.code === 'vault.unknown-version') throw error;
        damage = error;
      }
    }
    const { restorable, triedAny } = await this.#findRestorable(credential, masterKey);
    wipe(masterKey);
    if (!damage) throw new LatchkeyError('vault.corrupt');
    if (!restorable && triedAny && !credential.proven) throw new LatchkeyError(wrongCode);
    if (!restorable) throw damage;
    this.#restorable = new Set([restorable]);
    throw new LatchkeyError(damage.code, {
      details: { ...damage.details, restorableGeneration: restorable },
    });
  }

  async #findRestorable(
    credential: Credential,
    knownKey: Buffer | null,
  ): Promise<{ restorable: string | null; triedAny: boolean }> {
    let triedAny = false;
    for (const g of await this.#store.listGenerations()) {
      try {
        const file = parseVaultFile(await this.#store.readGeneration(g.id), this.#weak);
        triedAny = true;
        const key = knownKey ? Buffer.from(knownKey) : await credential.unwrap(file.header);
        if (!key) continue;
        try {
          const db = openVault(file, key);
          for (const account of db.accounts) wipe(account.secret);
          return { restorable: g.id, triedAny };
        } finally {
          wipe(key);
        }
      } catch {
        // this generation does not open either
      }
    }
    return { restorable: null, triedAny };
  }

  #passwordAttempt(
    password: string,
    run: (credential: Credential) => Promise<void>,
  ): Promise<void> {
    return this.#lockout.attempt(password, this.#kdf, run);
  }
}

function slotFlags(header: VaultHeader): VaultStatus['slots'] {
  return {
    keychain: header.slots.some((s) => s.type === 'keychain'),
    password: header.slots.some((s) => s.type === 'password'),
  };
}

async function rmLockout(path: string): Promise<void> {
  const { unlink } = await import('node:fs/promises');
  await unlink(path).catch(() => undefined);
}
