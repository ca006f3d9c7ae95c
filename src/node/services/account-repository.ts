import type { AccountId } from '../../shared/account';
import { LatchkeyError } from '../../shared/errors';
import type { AccountDraft, SecretAccount } from '../../core/common/model';

/**
 * Where accounts (with their secrets) live in main. The vault implements it on an encrypted
 * file (tests that are not about storage use tests/unit/node/in-memory-account-repository.ts).
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
