import type { Account } from '../../../../shared/account';
import { Store } from '../../lib/store';
import { accountsStore } from './accounts-store';

const HIGHLIGHT_MS = 4000;

/**
 * Accounts that appeared since the list last changed (added, imported or undeleted): the list
 * scrolls to the first, focuses it and highlights them for a few seconds. The first load after
 * unlocking (nothing known yet) brings nothing "new".
 */
class FreshAccounts extends Store<ReadonlySet<string>> {
  #known: ReadonlySet<string> = new Set();
  #last: readonly Account[] | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super(new Set());
    accountsStore.subscribe(() => this.#update());
  }

  #update(): void {
    const { accounts, loaded } = accountsStore.getSnapshot();
    if (!loaded || accounts === this.#last) return;
    this.#last = accounts;
    const before = this.#known;
    this.#known = new Set(accounts.map((a) => a.id));
    const added = before.size > 0 ? accounts.filter((a) => !before.has(a.id)) : [];
    if (added.length === 0) return;
    this.set(new Set(added.map((a) => a.id)));
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.set(new Set()), HIGHLIGHT_MS);
  }
}

export const freshAccounts = new FreshAccounts();
