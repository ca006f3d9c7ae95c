import { search, type SearchEntry, type Searchable } from '../search';

/**
 * The quick picker's decisions, free of React and the DOM: which accounts to show for a query
 * (the same matcher and order as the main list), and what a key does.
 */

/** A picker is for the first few matches: more rows would only push the right one off screen. */
export const PICKER_ROWS = 8;

export function pickerResults<T extends Searchable>(
  entries: readonly SearchEntry<T>[],
  query: string,
): T[] {
  return search(entries, query).slice(0, PICKER_ROWS);
}

export type PickerAction =
  | { readonly kind: 'select'; readonly index: number }
  | { readonly kind: 'copy'; readonly index: number }
  | { readonly kind: 'close' }
  | null;

/** What a key press in the search field does, given the selected row and the number of rows. */
export function pickerKey(key: string, selected: number, count: number): PickerAction {
  switch (key) {
    case 'ArrowDown':
      return count === 0 ? null : { kind: 'select', index: (selected + 1) % count };
    case 'ArrowUp':
      return count === 0 ? null : { kind: 'select', index: (selected - 1 + count) % count };
    case 'Enter':
      return count === 0 ? null : { kind: 'copy', index: Math.min(selected, count - 1) };
    case 'Escape':
      return { kind: 'close' };
    default:
      return null;
  }
}
