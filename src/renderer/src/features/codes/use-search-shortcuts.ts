import { useEffect, type RefObject } from 'react';
import { isTyping } from '../../lib/shortcuts';

const isPrintable = (event: KeyboardEvent) =>
  event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey;

/**
 * Ctrl/⌘+F and `/` focus the search box from anywhere on the list screen; a printable key typed
 * while focus is in the list starts a search with that character.
 */
export function useSearchShortcuts(
  search: RefObject<HTMLInputElement | null>,
  list: RefObject<HTMLElement | null>,
  onType: (text: string) => void,
): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || document.querySelector('dialog[open]')) {
        return;
      }
      const field = search.current;
      if (!field) return;
      const find = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f';
      if (find || (event.key === '/' && !isTyping(event.target))) {
        event.preventDefault();
        field.focus();
        field.select();
        return;
      }
      if (isPrintable(event) && event.key !== '?' && list.current?.contains(event.target as Node)) {
        event.preventDefault();
        field.focus();
        onType(event.key);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [search, list, onType]);
}
