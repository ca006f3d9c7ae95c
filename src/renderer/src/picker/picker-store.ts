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
 * What the picker knows: the vault's state, the accounts indexed for search once, and their
 * codes (fetched again just after the earliest expires). Locking drops all of it.
 */
class PickerStore extends Store<PickerState> {
  #refetch: ReturnType<typeof setTimeout> | undefined;

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

  async #refreshCodes(): Promise<void> {
    const result = await picker['codes:list']({});
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
