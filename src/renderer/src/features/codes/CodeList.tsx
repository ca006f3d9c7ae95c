import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { AccountsState } from './accounts-store';
import { AccountEditor } from './editor/AccountEditor';
import { prepare, visibleAccounts, type ListFilter } from './arrange';
import { CodeRow } from './CodeRow';
import { listPrefsStore } from './list-prefs-store';
import { ListOptions } from './ListOptions';
import { ListToolbar } from './ListToolbar';
import { SearchField } from './SearchField';
import { useAccountActions } from './use-account-actions';
import { freshAccounts } from './fresh-accounts';
import { useRowNavigation } from './use-row-navigation';
import { useSearchShortcuts } from './use-search-shortcuts';
import './codes.css';

/** While searching, only the best matches render: the rest are one refinement away. */
const MAX_RESULTS = 100;

export function CodeList({ state }: { state: AccountsState; onAdd?: () => void }) {
  const prefs = useSyncExternalStore(listPrefsStore.subscribe, listPrefsStore.getSnapshot);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<ListFilter>({ kind: 'all' });
  const [selected, setSelected] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [options, setOptions] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => void listPrefsStore.reload(), []);

  const entries = useMemo(
    () => prepare(state.accounts, prefs.sortOrder, filter),
    [state.accounts, prefs.sortOrder, filter],
  );
  const matches = useMemo(() => visibleAccounts(entries, query), [entries, query]);
  const rows = query ? matches.slice(0, MAX_RESULTS) : matches;
  const ids = useMemo(() => rows.map((a) => a.id), [rows]);
  const actions = useAccountActions(state.accounts);
  const canMove = prefs.sortOrder === 'custom' && !query && filter.kind === 'all';
  const moveStep = useCallback(
    (id: string, step: 1 | -1) =>
      void actions.moveAccount(id, state.accounts.findIndex((a) => a.id === id) + step),
    [actions, state.accounts],
  );
  const nav = useRowNavigation(ids, canMove ? moveStep : null);
  const changeQuery = useCallback((next: string | ((q: string) => string)) => {
    setQuery(next);
    setSelected(0);
  }, []);
  const typeInSearch = useCallback((text: string) => changeQuery((q) => q + text), [changeQuery]);
  useSearchShortcuts(searchRef, listRef, typeInSearch);

  const fresh = useSyncExternalStore(freshAccounts.subscribe, freshAccounts.getSnapshot);
  const { focusLater } = nav;
  useEffect(() => {
    const first = [...fresh][0];
    if (!first) return undefined;
    // Show the whole list again, then focus the new row once it has rendered.
    const frame = requestAnimationFrame(() => {
      focusLater(first, true);
      changeQuery('');
      setFilter({ kind: 'all' });
    });
    return () => cancelAnimationFrame(frame);
  }, [fresh, focusLater, changeQuery]);

  const onEdit = useCallback((a: { id: string }) => setEditing(a.id), []);
  const editingAccount = state.accounts.find((a) => a.id === editing);
  return (
    <div className={`codes density-${prefs.density}`}>
      <SearchField
        ref={searchRef}
        query={query}
        onQuery={changeQuery}
        onMove={(step) => setSelected((s) => Math.max(0, Math.min(rows.length - 1, s + step)))}
        onEnter={() => rows[selected] && actions.onCopy(rows[selected])}
        activeId={rows[selected]?.id}
        resultCount={matches.length}
      />
      <ListToolbar
        filter={filter}
        onFilter={(f) => {
          setFilter(f);
          setSelected(0);
        }}
        groups={prefs.groups}
        sortOrder={prefs.sortOrder}
        onSort={(sortOrder) => void listPrefsStore.update({ sortOrder })}
        onOptions={() => setOptions(true)}
      />
      {rows.length === 0 && <p className="hint list-empty">No accounts match.</p>}
      {query && matches.length > MAX_RESULTS && (
        <p className="hint">
          Showing the best {MAX_RESULTS} of {matches.length} matches — type more to narrow them.
        </p>
      )}
      <ul
        className="code-list"
        id="account-list"
        aria-label="Accounts"
        ref={listRef}
        onKeyDown={nav.onKeyDown}
        onFocus={nav.onFocus}
      >
        {rows.map((account, index) => (
          <CodeRow
            key={account.id}
            account={account}
            view={state.codes.get(account.id)}
            active={account.id === nav.activeId}
            selected={query !== '' && index === selected}
            fresh={fresh.has(account.id)}
            showNext={prefs.showNextCode}
            onCopy={actions.onCopy}
            onNextHotp={actions.onNextHotp}
            onFavourite={actions.onFavourite}
            onEdit={onEdit}
          />
        ))}
      </ul>
      {editingAccount && (
        <AccountEditor
          account={editingAccount}
          groups={prefs.groups}
          canMove={prefs.sortOrder === 'custom'}
          onMove={(to) =>
            void actions.moveAccount(editingAccount.id, to === 'top' ? 0 : state.accounts.length)
          }
          onClose={() => setEditing(null)}
        />
      )}
      {options && <ListOptions prefs={prefs} onClose={() => setOptions(false)} />}
    </div>
  );
}
