import { foldForSearch, queryWords } from './normalize';

/** What the matcher reads of an account; `Account` from src/shared satisfies it. */
export interface Searchable {
  readonly issuer: string;
  readonly name: string;
  readonly groups: readonly string[];
  readonly note: string;
  readonly favorite: boolean;
  readonly lastUsedAt: number | null;
}

/** How a query word met a field, best first. */
export type MatchKind = 'prefix' | 'word-start' | 'subsequence';

const KIND_SCORE: Record<MatchKind, number> = { prefix: 300, 'word-start': 200, subsequence: 100 };
/** Issuer outranks account name, which outranks groups, which outrank the note. */
const FIELD_BONUS = [30, 20, 10, 0] as const;

/** An account's fields folded once, ready for many keystrokes. */
export interface SearchEntry<T extends Searchable> {
  readonly item: T;
  readonly index: number;
  /** issuer, name, groups joined by newline, note — in FIELD_BONUS order. */
  readonly fields: readonly [string, string, string, string];
}

export function indexForSearch<T extends Searchable>(items: readonly T[]): SearchEntry<T>[] {
  return items.map((item, index) => ({
    item,
    index,
    fields: [
      foldForSearch(item.issuer),
      foldForSearch(item.name),
      foldForSearch(item.groups.join('\n')),
      foldForSearch(item.note),
    ],
  }));
}

const isWordStart = (text: string, at: number): boolean =>
  at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1] ?? '');

/** How `word` occurs in one folded field, or null. */
export function matchKind(field: string, word: string): MatchKind | null {
  if (field.startsWith(word)) return 'prefix';
  for (let at = field.indexOf(word); at !== -1; at = field.indexOf(word, at + 1)) {
    if (isWordStart(field, at)) return 'word-start';
  }
  // Subsequence: "gh" in "github". Newlines separate groups, so a subsequence may not span two.
  let from = 0;
  for (const ch of word) {
    const at = field.indexOf(ch, from);
    if (at === -1 || field.slice(from, at).includes('\n')) return null;
    from = at + 1;
  }
  return 'subsequence';
}

function wordScore(fields: readonly string[], word: string): number {
  let best = 0;
  fields.forEach((field, i) => {
    const kind = matchKind(field, word);
    if (kind) best = Math.max(best, KIND_SCORE[kind] + (FIELD_BONUS[i] ?? 0));
  });
  return best;
}

/** The score of an entry for the query's words (every word must match somewhere), or 0. */
export function scoreEntry(fields: readonly string[], words: readonly string[]): number {
  let total = 0;
  for (const word of words) {
    const score = wordScore(fields, word);
    if (score === 0) return 0;
    total += score;
  }
  return total;
}

/**
 * The accounts that match `query`, best first: a prefix beats a word start beats a
 * subsequence ("gh" finds GitHub), issuer beats name beats groups beats note; ties go to
 * favourites, then the most recently used, then the list's own order. An empty query
 * returns every account in the list's order.
 */
export function search<T extends Searchable>(
  entries: readonly SearchEntry<T>[],
  query: string,
): T[] {
  const words = queryWords(query);
  if (words.length === 0) return entries.map((e) => e.item);
  const hits: { entry: SearchEntry<T>; score: number }[] = [];
  for (const entry of entries) {
    const score = scoreEntry(entry.fields, words);
    if (score > 0) hits.push({ entry, score });
  }
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.entry.item.favorite) - Number(a.entry.item.favorite) ||
      (b.entry.item.lastUsedAt ?? 0) - (a.entry.item.lastUsedAt ?? 0) ||
      a.entry.index - b.entry.index,
  );
  return hits.map((h) => h.entry.item);
}

/** One-shot convenience for callers that search once (the CLI). */
export function searchAccounts<T extends Searchable>(items: readonly T[], query: string): T[] {
  return search(indexForSearch(items), query);
}
