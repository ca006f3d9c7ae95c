/**
 * Folds text for matching: Unicode canonical decomposition (UAX #15, NFD) with the combining
 * marks removed, then lower case, so "Zürich", "ZURICH" and "zurich" compare equal. Done once
 * per account per list change, never per keystroke.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Query words: whitespace-separated, folded, empty ones dropped. */
export function queryWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/u).filter(Boolean);
}
