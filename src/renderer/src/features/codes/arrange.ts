import type { Account } from '../../../../shared/account';
import type { SortOrder } from '../../../../shared/list-preferences';
import { indexForSearch, search, type SearchEntry } from '../../../../core/common/search';

/** Which accounts the list shows: all, the favourites, or one group. */
export type ListFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'favourites' }
  | { readonly kind: 'group'; readonly name: string };

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const byText = (pick: (a: Account) => string) => (a: Account, b: Account) =>
  collator.compare(pick(a), pick(b));

const COMPARE: Record<SortOrder, ((a: Account, b: Account) => number) | null> = {
  custom: null,
  issuer: (a, b) => byText((x) => x.issuer || x.name)(a, b) || byText((x) => x.name)(a, b),
  account: (a, b) => byText((x) => x.name || x.issuer)(a, b) || byText((x) => x.issuer)(a, b),
  recent: (a, b) => (b.lastUsedAt ?? 0) - (a.lastUsedAt ?? 0),
  'most-used': (a, b) => b.useCount - a.useCount || (b.lastUsedAt ?? 0) - (a.lastUsedAt ?? 0),
};

/** The list in `order`, favourites pinned on top; ties keep the custom order. */
export function sortAccounts(accounts: readonly Account[], order: SortOrder): Account[] {
  const compare = COMPARE[order];
  return accounts
    .map((account, index) => ({ account, index }))
    .sort(
      (a, b) =>
        Number(b.account.favorite) - Number(a.account.favorite) ||
        (compare?.(a.account, b.account) ?? 0) ||
        a.index - b.index,
    )
    .map((x) => x.account);
}

export function applyFilter(accounts: readonly Account[], filter: ListFilter): Account[] {
  if (filter.kind === 'all') return [...accounts];
  if (filter.kind === 'favourites') return accounts.filter((a) => a.favorite);
  return accounts.filter((a) => a.groups.includes(filter.name));
}

/** Sorted, filtered and folded once per list change; `search` then runs per keystroke. */
export function prepare(
  accounts: readonly Account[],
  order: SortOrder,
  filter: ListFilter,
): SearchEntry<Account>[] {
  return indexForSearch(applyFilter(sortAccounts(accounts, order), filter));
}

/**
 * A search over prepared entries that narrows as the user types: a query that extends the last
 * one can only match a subset of its hits (every query word must still match, and a longer word
 * matches only where its start did), so only those are searched again.
 */
export function narrowingSearch(
  entries: readonly SearchEntry<Account>[],
): (query: string) => Account[] {
  const byItem = new Map(entries.map((e) => [e.item, e]));
  let last: { query: string; hits: readonly SearchEntry<Account>[] } | null = null;
  return (query) => {
    const pool = last && last.query.trim() && query.startsWith(last.query) ? last.hits : entries;
    const found = search(pool, query);
    last = { query, hits: found.map((a) => byItem.get(a)!) };
    return found;
  };
}

/** Custom order after moving one account to `to` (an index in the full list). */
export function moveTo(accounts: readonly Account[], id: string, to: number): string[] {
  const ids = accounts.map((a) => a.id);
  const from = ids.indexOf(id);
  if (from < 0) return ids;
  ids.splice(from, 1);
  ids.splice(Math.max(0, Math.min(to, ids.length)), 0, id);
  return ids;
}
