import type { AccountId } from '../../shared/account';
import { LatchkeyError } from '../../shared/errors';
import type { SecretAccount } from '../../core/common/model';
import type { Clock } from './ports';
import type { VaultAccountRepository } from './vault-account-repository';

/** What Undo needs of the account store. */
type Accounts = Pick<VaultAccountRepository, 'list' | 'get' | 'remove' | 'insert'>;

/** How long "Undo" is offered after deleting an account. */
export const UNDO_WINDOW_MS = 10_000;

/**
 * Keeps just-deleted accounts in main's memory (never on disk, never in the page) so the user
 * can undo a deletion for a few seconds. Forgotten on lock.
 */
export class RemovalUndo {
  readonly #removed = new Map<AccountId, { account: SecretAccount; index: number; at: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly accounts: Accounts,
  ) {}

  /** Deletes the account, keeping it and its place in the list; returns when Undo ends (ms). */
  async remove(id: AccountId): Promise<number> {
    const account = this.accounts.get(id);
    const index = this.accounts.list().findIndex((a) => a.id === id);
    await this.accounts.remove(id);
    return this.remember(account, index);
  }

  /** Puts a just-deleted account back where it was. */
  async restore(id: AccountId): Promise<SecretAccount> {
    const { account, index } = this.take(id);
    await this.accounts.insert(account, index);
    return account;
  }

  remember(account: SecretAccount, index: number): number {
    this.#prune();
    const at = this.clock.now();
    this.#removed.set(account.id, { account, index, at });
    return at + UNDO_WINDOW_MS;
  }

  take(id: AccountId): { account: SecretAccount; index: number } {
    this.#prune();
    const entry = this.#removed.get(id);
    if (!entry) throw new LatchkeyError('accounts.undo-expired');
    this.#removed.delete(id);
    return entry;
  }

  forget(): void {
    this.#removed.clear();
  }

  #prune(): void {
    const now = this.clock.now();
    for (const [id, entry] of this.#removed) {
      if (now - entry.at > UNDO_WINDOW_MS) this.#removed.delete(id);
    }
  }
}
