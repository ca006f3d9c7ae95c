import type { AccountId } from '../../shared/account';
import { LatchkeyError } from '../../shared/errors';
import type { AccountDraft, SecretAccount } from '../../core/common/model';

/**
 * Where accounts (with their secrets) live in main. The vault implements it on an encrypted
 * file; the in-memory one serves before a vault exists and in tests that are not about storage.
 * Every mutation resolves only after the change is durable (for the vault: saved and verified).
 */
export interface AccountRepository {
  list(): readonly SecretAccount[];
  get(id: AccountId): SecretAccount;
  add(draft: AccountDraft, now: number): Promise<SecretAccount>;
  /** Adds several accounts in one durable change (all or nothing). */
  addMany(drafts: readonly AccountDraft[], now: number): Promise<SecretAccount[]>;
  update(id: AccountId, change: (account: SecretAccount) => SecretAccount): Promise<SecretAccount>;
  remove(id: AccountId): Promise<void>;
}

export function newAccount(
  draft: AccountDraft,
  now: number,
  id: AccountId = crypto.randomUUID(),
): SecretAccount {
  return {
    id,
    issuer: draft.issuer,
    name: draft.name,
    otp: draft.otp,
    secret: draft.secret,
    favorite: draft.favorite ?? false,
    groups: [...(draft.groups ?? [])],
    note: draft.note ?? '',
    icon: draft.icon ?? { kind: 'auto' },
    createdAt: now,
    lastUsedAt: null,
    useCount: 0,
    recoveryCodes: [],
  };
}

export function findAccount(accounts: readonly SecretAccount[], id: AccountId): SecretAccount {
  const account = accounts.find((a) => a.id === id);
  if (!account) throw new LatchkeyError('accounts.not-found');
  return account;
}

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
