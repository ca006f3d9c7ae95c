import type { Account, AccountId, CodeView } from '../../../shared/account';
import type { VaultStatusView } from '../../../shared/bridge';
import { indexForSearch, type SearchEntry } from '../../../core/common/search';
import { Store } from '../lib/store';
import { picker } from './bridge';

export interface PickerState {
  readonly status: VaultStatusView | null;
  readonly entries: readonly SearchEntry<Account>[];
  readonly codes: ReadonlyMap<AccountId, CodeView>;
  /** Bumped each time the window is shown again, so the search starts fresh. */
  readonly opened: number;
}

/**
 * What the picker knows: the vault's state, the accounts indexed for search once, and the codes
 * of the rows it shows (at most PICKER_ROWS, fetched again just after the earliest expires: a
 * vault may hold thousands of accounts, and this window lives on hidden). Locking drops it all.
 */
class PickerStore extends Store<PickerState> {
  #refetch: ReturnType<typeof setTimeout> | undefined;
  #shown: readonly AccountId[] = [];

  constructor() {
    super({ status: null, entries: [], codes: new Map(), opened: 0 });
  }

  start(): void {
    picker.on('locked', () => void this.refresh());
    picker.on('accounts-changed', () => void this.refresh());
    picker.on('picker-opened', () => {
      this.set({ ...this.getSnapshot(), opened: this.getSnapshot().opened + 1 });
      void this.refresh();
    });
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const status = await picker['vault:status']({});
    if (!status.ok) return;
    if (status.value.state !== 'unlocked') return this.#forget(status.value);
    const accounts = await picker['accounts:list']({});
    if (!accounts.ok) return;
    this.set({
      ...this.getSnapshot(),
      status: status.value,
      entries: indexForSearch(accounts.value),
    });
    await this.#refreshCodes();
  }

  setStatus(status: VaultStatusView): void {
    this.set({ ...this.getSnapshot(), status });
    if (status.state === 'unlocked') void this.refresh();
  }

  /** The rows on screen changed: fetch their codes if any is missing. */
  show(ids: readonly AccountId[]): void {
    if (ids.length === this.#shown.length && ids.every((id, i) => id === this.#shown[i])) return;
    this.#shown = ids;
    const { codes } = this.getSnapshot();
    if (ids.some((id) => !codes.has(id))) void this.#refreshCodes();
  }

  async #refreshCodes(): Promise<void> {
    clearTimeout(this.#refetch);
    const ids = this.#shown;
    if (ids.length === 0 || this.getSnapshot().status?.state !== 'unlocked') return;
    const result = await picker['codes:list']({ ids: [...ids] });
    if (!result.ok) return;
    this.set({ ...this.getSnapshot(), codes: new Map(result.value.map((c) => [c.id, c])) });
    const expiries = result.value.flatMap((c) => (c.validUntil === null ? [] : [c.validUntil]));
    clearTimeout(this.#refetch);
    if (expiries.length > 0)
      this.#refetch = setTimeout(
        () => void this.#refreshCodes(),
        Math.max(50, Math.min(...expiries) - Date.now() + 30),
      );
  }

  #forget(status: VaultStatusView): void {
    clearTimeout(this.#refetch);
    this.set({ ...this.getSnapshot(), status, entries: [], codes: new Map() });
  }
}

export const pickerStore = new PickerStore();
