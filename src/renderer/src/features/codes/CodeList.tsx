import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { AccountsState } from './accounts-store';
import { prepare, type ListFilter } from './arrange';
import { AccountEditor } from './editor/AccountEditor';
import { freshAccounts } from './fresh-accounts';
import { listPrefsStore } from './list-prefs-store';
import { ListBody } from './ListBody';
import { ListOptions } from './ListOptions';
import { ListToolbar } from './ListToolbar';
import { SearchField } from './SearchField';
import { useAccountActions } from './use-account-actions';
import { useReordering } from './use-reordering';
import { useFreshFocus } from './use-fresh-focus';
import { useListSearch } from './use-list-search';
import { useRowNavigation } from './use-row-navigation';
import { useSearchShortcuts } from './use-search-shortcuts';
import './codes.css';

const ALL: ListFilter = { kind: 'all' };
const ids = (accounts: readonly { id: string }[]) => accounts.map((a) => a.id);

/** The daily screen: search, filter and sort, the rows, and the editor and options dialogs. */
export function CodeList({ state }: { state: AccountsState; onAdd?: () => void }) {
  const prefs = useSyncExternalStore(listPrefsStore.subscribe, listPrefsStore.getSnapshot);
  const [filter, setFilter] = useState<ListFilter>(ALL);
  const [editing, setEditing] = useState<string | null>(null);
  const [options, setOptions] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const listsRef = useRef<HTMLDivElement>(null);
  // Groups can change with the accounts (an import, an edit), so the list's settings follow them.
  useEffect(() => void listPrefsStore.reload(), [state.accounts]);
  const entries = useMemo(
    () => prepare(state.accounts, prefs.sortOrder, filter),
    [state.accounts, prefs.sortOrder, filter],
  );
  const all = useMemo(() => entries.map((e) => e.item), [entries]);
  const search = useListSearch(entries);
  const actions = useAccountActions(state.accounts);
  const canMove = prefs.sortOrder === 'custom' && filter.kind === 'all';
  const { moveAccount } = actions;
  const reorder = useReordering(state.accounts, moveAccount, canMove && !search.active);
  const allIds = useMemo(() => ids(all), [all]);
  const fullNav = useRowNavigation('accounts-', allIds, reorder.moveStep);
  const resultNav = useRowNavigation('results-', ids(search.results), null);
  useSearchShortcuts(searchRef, listsRef, search.typeIn);
  const fresh = useSyncExternalStore(freshAccounts.subscribe, freshAccounts.getSnapshot);
  useFreshFocus(fresh, fullNav.focusLater, () => {
    search.change('');
    setFilter(ALL);
  });
  const onEdit = useCallback((a: { id: string }) => setEditing(a.id), []);
  const editingAccount = state.accounts.find((a) => a.id === editing);
  const common = { codes: state.codes, fresh, showNext: prefs.showNextCode, actions, onEdit };
  return (
    <div className={`codes density-${prefs.density}`}>
      <SearchField
        ref={searchRef}
        query={search.query}
        onQuery={search.change}
        onMove={search.move}
        onEnter={() => search.selectedAccount && actions.onCopy(search.selectedAccount)}
        activeId={search.selectedAccount?.id}
        resultCount={search.total}
      />
      <ListToolbar
        filter={filter}
        onFilter={setFilter}
        groups={prefs.groups}
        sortOrder={prefs.sortOrder}
        onSort={(sortOrder) => void listPrefsStore.update({ sortOrder })}
        onOptions={() => setOptions(true)}
      />
      <ListBody {...{ search, all, fullNav, resultNav, common, listsRef }} drag={reorder.drag} />
      {editingAccount && (
        <AccountEditor
          account={editingAccount}
          groups={prefs.groups}
          canMove={prefs.sortOrder === 'custom'}
          onMove={(to) =>
            void moveAccount(editingAccount.id, to === 'top' ? 0 : state.accounts.length)
          }
          onClose={() => setEditing(null)}
        />
      )}
      {options && <ListOptions prefs={prefs} onClose={() => setOptions(false)} />}
    </div>
  );
}
