import type { Account, AccountId, CodeView } from '../../../../shared/account';
import { latchkey } from '../../lib/bridge';
import { clock } from '../../lib/clock';
import { Store } from '../../lib/store';

export interface AccountsState {
  readonly loaded: boolean;
  readonly accounts: readonly Account[];
  readonly codes: ReadonlyMap<AccountId, CodeView>;
}

const empty: AccountsState = { loaded: false, accounts: [], codes: new Map() };

/**
 * Accounts and their codes as the page knows them. Codes are fetched from main and fetched
 * again just after the earliest one expires; between fetches the page switches to the
 * prefetched next code exactly at the boundary (see displayedCode). `clear()` drops all of
 * it — what locking does to the page.
 */
class AccountsStore extends Store<AccountsState> {
  #refetch: ReturnType<typeof setTimeout> | undefined;
  #started = false;

  constructor() {
    super(empty);
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    latchkey.on('accounts-changed', () => void this.reload());
    latchkey.on('locked', () => this.clear());
  }

  async reload(): Promise<void> {
    // Both requests at once: the first codes appear one round trip sooner.
    const [accounts] = await Promise.all([latchkey['accounts:list']({}), this.refreshCodes()]);
    if (!accounts.ok) return;
    this.set({ ...this.getSnapshot(), loaded: true, accounts: accounts.value });
  }

  async refreshCodes(): Promise<void> {
    const result = await latchkey['codes:list']({});
    if (!result.ok) return;
    this.set({ ...this.getSnapshot(), codes: new Map(result.value.map((c) => [c.id, c])) });
    const expiries = result.value.flatMap((c) => (c.validUntil === null ? [] : [c.validUntil]));
    clearTimeout(this.#refetch);
    if (expiries.length === 0) return;
    const earliest = Math.min(...expiries);
    clock.wakeAt(earliest);
    this.#refetch = setTimeout(
      () => void this.refreshCodes(),
      Math.max(50, earliest - Date.now() + 30),
    );
  }

  replaceCode(view: CodeView): void {
    const codes = new Map(this.getSnapshot().codes).set(view.id, view);
    this.set({ ...this.getSnapshot(), codes });
  }

  clear(): void {
    clearTimeout(this.#refetch);
    this.set({ ...empty, loaded: true });
  }
}

export const accountsStore = new AccountsStore();

/** What the page shows for one account at `now`: the current code, or the prefetched next one. */
export function displayedCode(
  view: CodeView,
  now: number,
): { code: string; validUntil: number | null } {
  if (
    view.validUntil !== null &&
    now >= view.validUntil &&
    view.next &&
    now < view.next.validUntil
  ) {
    return { code: view.next.code, validUntil: view.next.validUntil };
  }
  return { code: view.code, validUntil: view.validUntil };
}
