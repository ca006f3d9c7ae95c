import { useCallback, useMemo, useState } from 'react';
import type { Account } from '../../../../shared/account';
import type { SearchEntry } from '../../../../core/common/search';
import { narrowingSearch } from './arrange';

/** While searching, only the best matches render: the rest are one refinement away. */
export const MAX_RESULTS = 50;

/** The search box's state: the query, its best matches and the one Enter would copy. */
export function useListSearch(entries: readonly SearchEntry<Account>[]) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const searcher = useMemo(() => narrowingSearch(entries), [entries]);
  const matches = useMemo(() => (query.trim() ? searcher(query) : []), [searcher, query]);
  const results = useMemo(() => matches.slice(0, MAX_RESULTS), [matches]);
  const change = useCallback((next: string | ((q: string) => string)) => {
    setQuery(next);
    setSelected(0);
  }, []);
  const typeIn = useCallback((text: string) => change((q) => q + text), [change]);
  const move = useCallback(
    (step: 1 | -1) => setSelected((s) => Math.max(0, Math.min(results.length - 1, s + step))),
    [results.length],
  );
  const active = query.trim() !== '';
  return {
    query,
    active,
    change,
    typeIn,
    move,
    results,
    total: matches.length,
    selectedAccount: active ? (results[Math.min(selected, results.length - 1)] ?? null) : null,
  } as const;
}
