import type { AccountId } from '../../../src/shared/account';
import type { AccountDraft, SecretAccount } from '../../../src/core/common/model';
import {
  findAccount,
  newAccount,
  type AccountRepository,
} from '../../../src/node/services/account-repository';

/**
 * A test double: accounts in memory, for tests that are not about storage. Kept out of src/ so
 * the app cannot end up holding secrets somewhere that is not the vault.
 */
export class InMemoryAccountRepository implements AccountRepository {
  #accounts: readonly SecretAccount[] = [];

  list(): readonly SecretAccount[] {
    return this.#accounts;
  }

  get(id: AccountId): SecretAccount {
    return findAccount(this.#accounts, id);
  }

  async add(draft: AccountDraft, now: number): Promise<SecretAccount> {
    const account = newAccount(draft, now);
    this.#accounts = [...this.#accounts, account];
    return account;
  }

  async addMany(drafts: readonly AccountDraft[], now: number): Promise<SecretAccount[]> {
    const added = drafts.map((d) => newAccount(d, now));
    this.#accounts = [...this.#accounts, ...added];
    return added;
  }

  async update(
    id: AccountId,
    change: (account: SecretAccount) => SecretAccount,
  ): Promise<SecretAccount> {
    const updated = change(this.get(id));
    this.#accounts = this.#accounts.map((a) => (a.id === id ? updated : a));
    return updated;
  }

  async remove(id: AccountId): Promise<void> {
    this.get(id);
    this.#accounts = this.#accounts.filter((a) => a.id !== id);
  }
}
