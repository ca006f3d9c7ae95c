import type { AccountId } from '../../shared/account';
import { LatchkeyError } from '../../shared/errors';
import { findDuplicate, type AccountDraft, type SecretAccount } from '../../core/common/model';
import { findAccount, newAccount, type AccountRepository } from './account-repository';
import type { VaultService } from './vault';

/** Accounts stored in the encrypted vault: every change resolves once it is saved and verified. */
export class VaultAccountRepository implements AccountRepository {
  constructor(private readonly vault: VaultService) {}

  list(): readonly SecretAccount[] {
    return this.vault.accounts();
  }

  get(id: AccountId): SecretAccount {
    return findAccount(this.vault.accounts(), id);
  }

  async add(draft: AccountDraft, now: number): Promise<SecretAccount> {
    const account = newAccount(draft, now);
    await this.vault.update((accounts) => [...accounts, account]);
    return account;
  }

  /**
   * Adds one account unless one with the same secret and type is already there (the duplicate
   * rule every add path shares), or the user chose to keep both.
   */
  async addUnlessDuplicate(
    draft: AccountDraft,
    now: number,
    keepDuplicate: boolean,
  ): Promise<SecretAccount> {
    const existing = findDuplicate(this.list(), draft);
    if (existing && !keepDuplicate) {
      throw new LatchkeyError('accounts.duplicate', { details: { existingId: existing.id } });
    }
    return this.add(draft, now);
  }

  async addMany(drafts: readonly AccountDraft[], now: number): Promise<SecretAccount[]> {
    const added = drafts.map((d) => newAccount(d, now));
    if (added.length > 0) await this.vault.update((accounts) => [...accounts, ...added]);
    return added;
  }

  async insert(account: SecretAccount, index: number): Promise<void> {
    await this.vault.update((accounts) => {
      const next = accounts.filter((a) => a.id !== account.id);
      next.splice(Math.max(0, Math.min(index, next.length)), 0, account);
      return next;
    });
  }

  async update(
    id: AccountId,
    change: (account: SecretAccount) => SecretAccount,
  ): Promise<SecretAccount> {
    let updated: SecretAccount | null = null;
    await this.vault.update((accounts) => {
      findAccount(accounts, id);
      return accounts.map((a) => (a.id === id ? (updated = change(a)) : a));
    });
    return updated ?? this.get(id);
  }

  async remove(id: AccountId): Promise<void> {
    await this.vault.update((accounts) => {
      findAccount(accounts, id);
      return accounts.filter((a) => a.id !== id);
    });
  }

  /**
   * Puts the accounts in the given order. `ids` must name every account exactly once (checked
   * against the list being saved, so a change in between is refused, not half-applied).
   */
  async reorder(ids: readonly AccountId[]): Promise<void> {
    await this.vault.update((accounts) => {
      const position = new Map(ids.map((id, i) => [id, i]));
      const complete =
        ids.length === accounts.length &&
        position.size === ids.length &&
        accounts.every((a) => position.has(a.id));
      if (!complete) throw new LatchkeyError('accounts.reorder-mismatch');
      return [...accounts].sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
    });
  }
}
