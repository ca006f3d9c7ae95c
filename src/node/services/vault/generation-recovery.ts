import { wipe } from '../../../core/node/vault/crypto';
import { openVault, sealVault, verifyVault } from '../../../core/node/vault/envelope';
import {
  headerTextOf,
  parseVaultFile,
  type VaultFile,
  type VaultHeader,
} from '../../../core/node/vault/format';
import { isLatchkeyError, LatchkeyError } from '../../../shared/errors';
import type { GenerationInfo } from './file-store';
import type { Credential } from './unlock-credential';
import type { Unlocked, VaultSession } from './vault-session';

type WrongCode = 'vault.wrong-password' | 'vault.keychain-mismatch';

/**
 * The saved generations: finding one that opens when vault.json is damaged, putting it back,
 * and keeping them under the current master key after a key rotation (docs/vault-format.md §5).
 */
export class GenerationRecovery {
  readonly #session: VaultSession;
  /** Generations an unlock attempt proved the user can open (see restore). */
  #restorable = new Set<string>();

  constructor(session: VaultSession) {
    this.#session = session;
  }

  list(): Promise<GenerationInfo[]> {
    return this.#session.store.listGenerations();
  }

  forget(): void {
    this.#restorable.clear();
  }

  /**
   * Puts a saved generation back as vault.json (the damaged file is kept aside). Allowed while
   * unlocked, or for a generation the last unlock attempt proved the user's credential opens —
   * so restoring never grants access an old password alone would not have had anyway.
   */
  async restore(id: string): Promise<void> {
    const { store } = this.#session;
    const bytes = await store.readGeneration(id);
    const state = this.#session.current;
    if (!state && !this.#restorable.has(id)) throw new LatchkeyError('vault.locked');
    const file = parseVaultFile(bytes, this.#session.weak);
    const db = state ? openVault(file, state.masterKey) : null;
    await this.#session.drain();
    await store.restore(id, this.#session.now());
    this.#restorable.clear();
    if (state && db) this.#session.open({ ...state, header: file.header, db });
  }

  /**
   * Opens vault.json with the credential. When the file is damaged (unparsable, or its payload
   * fails authentication under a key its own slot yielded), tries the generations newest first
   * and reports the first that opens as `details.restorableGeneration`.
   */
  async open(
    credential: Credential,
    file: VaultFile | null,
    parseError: LatchkeyError | null,
    wrongCode: WrongCode,
  ): Promise<Unlocked> {
    let damage: LatchkeyError | null = parseError;
    let masterKey: Buffer | null = null;
    if (file) {
      masterKey = await credential.unwrap(file.header);
      if (!masterKey) throw new LatchkeyError(wrongCode);
      try {
        const db = openVault(file, masterKey);
        this.#restorable.clear();
        return { masterKey, header: file.header, db };
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

  /** The header of vault.json, or of the newest generation that still parses. */
  async newestParsableHeader(): Promise<VaultHeader | null> {
    const { store } = this.#session;
    const candidates = [await store.read()];
    for (const g of await store.listGenerations()) {
      candidates.push(await store.readGeneration(g.id).catch(() => null));
    }
    for (const bytes of candidates) {
      if (!bytes) continue;
      try {
        return parseVaultFile(bytes, this.#session.weak).header;
      } catch {
        // keep looking
      }
    }
    return null;
  }

  /**
   * After a key rotation: every generation the old key opens is sealed again under the new key
   * and the new slots (its content unchanged); one it does not open is deleted, as are damaged
   * copies of vault.json and stale temp files — so no file left in the folder holds the old
   * slots over a key that opens anything current.
   */
  async reseal(oldKey: Buffer, current: Unlocked): Promise<void> {
    const { store } = this.#session;
    for (const g of await store.listGenerations()) {
      const bytes = await store.readGeneration(g.id).catch(() => null);
      const file = bytes && this.#parse(bytes);
      if (file && opensWith(file, current.masterKey)) continue;
      const db = file && this.#tryOpen(file, oldKey);
      try {
        if (!db) throw new Error('not re-sealable');
        const resealed = sealVault(current.masterKey, current.header, db);
        for (const account of db.accounts) wipe(account.secret);
        await store.replaceGeneration(g.id, resealed);
      } catch {
        // Cannot be re-sealed (or a save just pruned it): it must not stay under the old key.
        await store.removeGeneration(g.id);
      }
    }
    await store.removeDamagedCopies();
    await store.removeStaleTemps();
  }

  /**
   * After an unlock: finishes a rotation a crash interrupted by deleting generations sealed
   * under another key. A generation with the current header text is skipped unread: the header
   * holds the wrapped key, so the same text means the same key.
   */
  async sweep(current: Unlocked, headerText: string): Promise<void> {
    const { store } = this.#session;
    for (const g of await store.listGenerations()) {
      // Most generations share the current header: compared from the file's first bytes.
      const head = await store.readGenerationHead(g.id).catch(() => null);
      if (head && headerTextOf(head) === headerText) continue;
      const bytes = await store.readGeneration(g.id).catch(() => null);
      const file = bytes && this.#parse(bytes);
      if (!file || file.headerText === headerText || opensWith(file, current.masterKey)) continue;
      await store.removeGeneration(g.id);
    }
  }

  #parse(bytes: Buffer): VaultFile | null {
    try {
      return parseVaultFile(bytes, this.#session.weak);
    } catch {
      return null;
    }
  }

  #tryOpen(file: VaultFile, key: Buffer) {
    try {
      return openVault(file, key);
    } catch {
      return null;
    }
  }

  async #findRestorable(
    credential: Credential,
    knownKey: Buffer | null,
  ): Promise<{ restorable: string | null; triedAny: boolean }> {
    const { store } = this.#session;
    let triedAny = false;
    for (const g of await store.listGenerations()) {
      try {
        const file = parseVaultFile(await store.readGeneration(g.id), this.#session.weak);
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
}

function opensWith(file: VaultFile, key: Buffer): boolean {
  try {
    verifyVault(file, key);
    return true;
  } catch {
    return false;
  }
}
