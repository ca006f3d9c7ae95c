import type { AccountId, CodeView } from '../../shared/account';
import { LatchkeyError } from '../../shared/errors';
import type { SecretAccount } from '../../core/common/model';
import type { AccountRepository } from './account-repository';
import type { Clock } from './ports';
import { PreparedCodes } from './prepared-codes';

/**
 * Computes codes in main; the page only ever receives `CodeView`s. A page refresh asks only for
 * the rows it shows (`ids`), so a steady tick costs the rows on screen, not the whole vault.
 */
export class CodesService {
  readonly #prepared = new PreparedCodes();
  /**
   * id → account per list (the vault replaces the list on every save). Weak, like the prepared
   * codes: once the vault locks and drops its list, nothing here keeps an account alive.
   */
  #index = new WeakMap<readonly SecretAccount[], Map<AccountId, SecretAccount>>();

  constructor(
    private readonly accounts: AccountRepository,
    private readonly clock: Clock,
  ) {}

  /** Codes for `ids` (unknown ids are skipped: the page may ask just as one was removed), or all. */
  list(ids?: readonly AccountId[]): CodeView[] {
    const now = this.clock.now();
    const all = this.accounts.list();
    if (ids === undefined) return all.map((account) => this.#prepared.view(account, now));
    const byId = this.#byId(all);
    const views: CodeView[] = [];
    for (const id of ids) {
      const account = byId.get(id);
      if (account) views.push(this.#prepared.view(account, now));
    }
    return views;
  }

  current(id: AccountId): CodeView {
    return this.#prepared.view(this.accounts.get(id), this.clock.now());
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
    return this.#prepared.view(saved, this.clock.now());
  }

  /** On lock: drops every remembered code and the id index. */
  forget(): void {
    this.#prepared.forget();
    this.#index = new WeakMap();
  }

  #byId(list: readonly SecretAccount[]): Map<AccountId, SecretAccount> {
    let byId = this.#index.get(list);
    if (!byId) {
      byId = new Map(list.map((a) => [a.id, a]));
      this.#index.set(list, byId);
    }
    return byId;
  }
}
