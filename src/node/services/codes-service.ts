import type { AccountId, CodeView } from '../../shared/account';
import { LatchkeyError } from '../../shared/errors';
import { codeViewFor } from '../../core/common/otp';
import type { AccountRepository } from './account-repository';
import type { Clock } from './ports';

/** Computes codes in main; the page only ever receives `CodeView`s. */
export class CodesService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly clock: Clock,
  ) {}

  list(): CodeView[] {
    const now = this.clock.now();
    return this.accounts.list().map((account) => codeViewFor(account, now));
  }

  current(id: AccountId): CodeView {
    return codeViewFor(this.accounts.get(id), this.clock.now());
  }

  /**
   * HOTP advances only on this explicit request, and the new counter is saved before the code
   * is returned: a code the user has seen must never be produced again after a crash.
   */
  async nextHotp(id: AccountId): Promise<CodeView> {
    const account = this.accounts.get(id);
    if (account.otp.type !== 'hotp') throw new LatchkeyError('accounts.not-hotp');
    const saved = await this.accounts.update(id, (a) =>
      a.otp.type === 'hotp' ? { ...a, otp: { ...a.otp, counter: a.otp.counter + 1 } } : a,
    );
    return codeViewFor(saved, this.clock.now());
  }
}
