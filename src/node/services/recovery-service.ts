import type { AccountId } from '../../shared/account';
import { LatchkeyError } from '../../shared/errors';
import type { RecoveryCode } from '../../core/common/model';
import { parseRecoveryCodes } from '../../core/common/recovery';
import type { AccountRepository } from './account-repository';

/**
 * The recovery codes a service hands out at setup. They open the account without the
 * authenticator, so they are treated like secrets: stored in the vault, shown to the page only
 * after re-authentication, printed in the emergency kit.
 */
export class RecoveryService {
  constructor(private readonly accounts: AccountRepository) {}

  /** Replaces the codes with a pasted block; codes already marked used stay used. */
  async set(id: AccountId, block: string): Promise<void> {
    const parsed = parseRecoveryCodes(block);
    await this.accounts.update(id, (a) => {
      const used = new Set(a.recoveryCodes.filter((c) => c.used).map((c) => c.code));
      return {
        ...a,
        recoveryCodes: parsed.map((code): RecoveryCode => ({ code, used: used.has(code) })),
      };
    });
  }

  /** Only after re-authentication: `recovery:reveal` says 'releases-secrets' in the contract. */
  reveal(id: AccountId): RecoveryCode[] {
    return this.accounts.get(id).recoveryCodes.map((c) => ({ ...c }));
  }

  /**
   * Marks the code at `index` (its place in the list `reveal` gave). Codes are addressed by
   * position, never by value, so the page cannot ask whether a guessed code exists.
   */
  async mark(id: AccountId, index: number, used: boolean): Promise<void> {
    await this.accounts.update(id, (a) => {
      if (!Number.isInteger(index) || index < 0 || index >= a.recoveryCodes.length)
        throw new LatchkeyError('recovery.not-found');
      return {
        ...a,
        recoveryCodes: a.recoveryCodes.map((c, i) => (i === index ? { ...c, used } : c)),
      };
    });
  }

  async remove(id: AccountId): Promise<void> {
    await this.accounts.update(id, (a) => ({ ...a, recoveryCodes: [] }));
  }
}
