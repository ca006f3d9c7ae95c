import { useEffect } from 'react';
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
 * Accounts and their codes as the page knows them. The first load is one round trip
 * (`codes:snapshot`: every account plus the codes of the first screenful). After that, codes are
 * fetched only for the rows on screen (`watch`), again just after the earliest of them expires;
 * between fetches the page switches to the prefetched next code exactly at the boundary (see
 * displayedCode). `clear()` drops all of it — what locking does to the page.
 */
class AccountsStore extends Store<AccountsState> {
  #refetch: ReturnType<typeof setTimeout> | undefined;
  #started = false;
  /** Rows on screen (a row may be mounted twice for a moment, hence the count). */
  readonly #watched = new Map<AccountId, number>();
  /** Watched rows that need a code, fetched together at the end of the current task. */
  readonly #wanted = new Set<AccountId>();
  #flushQueued = false;
  /** Whether the list reports its rows; until it does, every account's code is kept fresh. */
  #rowsReport = false;
  /** Bumped by clear(): answers to requests made before a lock are dropped. */
  #epoch = 0;

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
    const ids = this.#watched.size > 0 ? [...this.#watched.keys()] : undefined;
    const epoch = this.#epoch;
    const result = await latchkey['codes:snapshot'](ids ? { ids } : {});
    if (!result.ok || epoch !== this.#epoch) return;
    const { accounts, codes } = result.value;
    this.set({ loaded: true, accounts, codes: new Map(codes.map((c) => [c.id, c])) });
    this.#schedule();
    // Rows that came on screen while the snapshot was on its way.
    for (const id of this.#watched.keys()) this.#want(id);
  }

  /** Fetches fresh codes for every row on screen (every account until rows report in). */
  async refreshCodes(): Promise<void> {
    if (!this.#rowsReport) {
      const epoch = this.#epoch;
      const result = await latchkey['codes:list']({});
      if (!result.ok || epoch !== this.#epoch) return;
      this.set({ ...this.getSnapshot(), codes: new Map(result.value.map((c) => [c.id, c])) });
      this.#schedule();
      return;
    }
    for (const id of this.#watched.keys()) this.#wanted.add(id);
    await this.#fetchWanted();
  }

  /** A row is on screen: keep its code fresh until the returned function is called. */
  watch(id: AccountId): () => void {
    this.#rowsReport = true;
    this.#watched.set(id, (this.#watched.get(id) ?? 0) + 1);
    this.#want(id);
    return () => {
      const left = (this.#watched.get(id) ?? 1) - 1;
      if (left > 0) this.#watched.set(id, left);
      else this.#watched.delete(id);
    };
  }

  replaceCode(view: CodeView): void {
    const codes = new Map(this.getSnapshot().codes).set(view.id, view);
    this.set({ ...this.getSnapshot(), codes });
  }

  clear(): void {
    this.#epoch++;
    clearTimeout(this.#refetch);
    this.#wanted.clear();
    this.set({ ...empty, loaded: true });
  }

  /** Queues a code fetch unless the code held is still good (or no snapshot has come yet). */
  #want(id: AccountId): void {
    const state = this.getSnapshot();
    if (!state.loaded || !state.accounts.length) return;
    const view = state.codes.get(id);
    const shown = view ? displayedCode(view, Date.now()) : null;
    if (!shown || (shown.validUntil !== null && shown.validUntil <= Date.now())) {
      this.#wanted.add(id);
    }
    // Also when nothing is missing: the refetch timer must cover the newly watched row.
    if (!this.#flushQueued) {
      this.#flushQueued = true;
      queueMicrotask(() => void this.#fetchWanted());
    }
  }

  async #fetchWanted(): Promise<void> {
    this.#flushQueued = false;
    const ids = [...this.#wanted].filter((id) => this.#watched.has(id));
    this.#wanted.clear();
    if (ids.length > 0) {
      const epoch = this.#epoch;
      const result = await latchkey['codes:list']({ ids });
      if (!result.ok || epoch !== this.#epoch) return;
      const codes = new Map(this.getSnapshot().codes);
      for (const view of result.value) codes.set(view.id, view);
      this.set({ ...this.getSnapshot(), codes });
    }
    this.#schedule();
  }

  /** The next fetch: just after the earliest code on screen expires. */
  #schedule(): void {
    const { codes } = this.getSnapshot();
    let earliest = Infinity;
    for (const id of this.#rowsReport ? this.#watched.keys() : codes.keys()) {
      const until = codes.get(id)?.validUntil;
      if (until != null && until < earliest) earliest = until;
    }
    clearTimeout(this.#refetch);
    if (earliest === Infinity) return;
    clock.wakeAt(earliest);
    this.#refetch = setTimeout(
      () => void this.refreshCodes(),
      Math.max(50, earliest - Date.now() + 30),
    );
  }
}

export const accountsStore = new AccountsStore();

/** Keeps the account's code fresh while `live` (the row is on screen). */
export function useLiveCode(id: AccountId, live: boolean): void {
  useEffect(() => (live ? accountsStore.watch(id) : undefined), [id, live]);
}

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
