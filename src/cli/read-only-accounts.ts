import type { AccountId } from '../shared/account';
import type { SecretAccount } from '../core/common/model';
import { findAccount, type AccountRepository } from '../node/services/account-repository';
import { UsageError } from './errors';

/**
 * The vault's accounts as read by a read-only command, behind the app's repository interface so
 * the app's StagingArea can compare against them (a dry run's duplicate check). Any change is a
 * bug in the caller: a read-only command never saves.
 */
export function readOnlyAccounts(accounts: readonly SecretAccount[]): AccountRepository {
  const refuse = (): never => {
    throw new UsageError('a read-only command tried to change the vault; nothing was changed');
  };
  return {
    list: () => accounts,
    get: (id: AccountId) => findAccount(accounts, id),
    add: async () => refuse(),
    addMany: async () => refuse(),
    update: async () => refuse(),
    remove: async () => refuse(),
  };
}
