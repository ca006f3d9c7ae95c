import { wipe } from '../../../core/node/vault/crypto';
import type { VaultDatabase, VaultSettings } from '../../../core/node/vault/database';
import { sealVault, verifyVaultBytes } from '../../../core/node/vault/envelope';
import type { VaultHeader } from '../../../core/node/vault/format';
import { LatchkeyError } from '../../../shared/errors';
import type { VaultFileStore } from './file-store';
import { SaveQueue } from './save-queue';

/** The decrypted vault while unlocked. Replaced wholesale on every successful save. */
export interface Unlocked {
  readonly masterKey: Buffer;
  readonly header: VaultHeader;
  readonly db: VaultDatabase;
}

export interface VaultSessionOptions {
  readonly store: VaultFileStore;
  readonly now: () => number;
  /** Allows test-only scrypt costs when reading files back. */
  readonly weak: boolean;
  /** Called after every durable save (e.g. to write an automatic backup copy). */
  readonly onSaved?: (vaultFileBytes: Uint8Array, settings: VaultSettings) => void;
}

/**
 * What the lifecycle, credential and recovery parts of the vault share: the unlocked state and
 * the single save queue. Memory moves only after a save is durable (SaveQueue).
 */
export class VaultSession {
  readonly store: VaultFileStore;
  readonly now: () => number;
  readonly weak: boolean;
  readonly #onSaved: VaultSessionOptions['onSaved'];
  readonly #queue: SaveQueue<Unlocked>;
  #unlocked: Unlocked | null = null;
  #cleaned = false;

  constructor(options: VaultSessionOptions) {
    this.store = options.store;
    this.now = options.now;
    this.weak = options.weak;
    this.#onSaved = options.onSaved;
    this.#queue = new SaveQueue<Unlocked>({
      current: () => this.#unlocked,
      save: (next) => this.save(next),
      commit: (next) => {
        this.#unlocked = next;
      },
    });
  }

  get current(): Unlocked | null {
    return this.#unlocked;
  }

  require(): Unlocked {
    if (!this.#unlocked) throw new LatchkeyError('vault.locked');
    return this.#unlocked;
  }

  /** Becomes unlocked with state that is already on disk. */
  open(state: Unlocked): void {
    this.#unlocked = state;
  }

  /** Saves the change's result; memory changes only once the file is durably written. */
  enqueue(change: (state: Unlocked) => Unlocked): Promise<void> {
    this.require();
    return this.#queue.enqueue(change);
  }

  drain(): Promise<void> {
    return this.#queue.drain();
  }

  /** Forgets the decrypted state, overwriting the key and the secrets. */
  async close(): Promise<void> {
    await this.#queue.drain();
    const state = this.#unlocked;
    this.#unlocked = null;
    if (state) wipeState(state);
  }

  /** Writes `next` durably (verified read-back, new generation), then tells onSaved. */
  async save(next: Unlocked): Promise<void> {
    if (!this.#cleaned) {
      await this.store.removeStaleTemps();
      this.#cleaned = true;
    }
    const bytes = sealVault(next.masterKey, next.header, next.db);
    await this.store.write(
      bytes,
      (fromDisk) => verifyVaultBytes(fromDisk, next.masterKey, this.weak),
      this.now(),
    );
    this.#onSaved?.(bytes, next.db.settings);
  }
}

export function wipeState(state: Unlocked): void {
  wipe(state.masterKey);
  for (const account of state.db.accounts) wipe(account.secret);
}
