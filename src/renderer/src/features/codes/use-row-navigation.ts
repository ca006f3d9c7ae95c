import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';

const rowFocus = (li: Element | null) => li?.querySelector<HTMLElement>('[data-row-focus]') ?? null;

/** Focuses an account's row (its code button) if it is rendered; optionally scrolls to it. */
export function focusRow(prefix: string, id: string, scroll = false): boolean {
  const li = document.getElementById(`${prefix}${id}`);
  const target = rowFocus(li);
  if (!li || !target) return false;
  if (scroll) li.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: !scroll });
  return true;
}

const STEPS: Record<string, (at: number, last: number) => number> = {
  ArrowDown: (at) => at + 1,
  ArrowUp: (at) => at - 1,
  Home: () => 0,
  End: (_, last) => last,
};

/**
 * Roving focus over the list: ↑/↓ (and Home/End) move between rows, Alt+↑/↓ ask to move the
 * account itself. The focused row is the list's single Tab stop. `focusLater` focuses a row
 * after the next render that shows it (a moved or newly added account).
 */
export function useRowNavigation(
  prefix: string,
  ids: readonly string[],
  onMoveAccount: ((id: string, step: 1 | -1) => void) | null,
) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const pending = useRef<{ id: string; scroll: boolean } | null>(null);
  const current = activeId !== null && ids.includes(activeId) ? activeId : (ids[0] ?? null);

  useEffect(() => {
    if (pending.current && focusRow(prefix, pending.current.id, pending.current.scroll)) {
      pending.current = null;
    }
  });
  const focusLater = useCallback((id: string, scroll = false) => {
    pending.current = { id, scroll };
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const id = (event.target as HTMLElement).closest<HTMLElement>('li[data-account-id]')?.dataset
        .accountId;
      const step = STEPS[event.key];
      if (!id || !step) return;
      event.preventDefault();
      if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        onMoveAccount?.(id, event.key === 'ArrowDown' ? 1 : -1);
        focusLater(id);
        return;
      }
      const next = ids[step(ids.indexOf(id), ids.length - 1)];
      if (!next) return;
      setActiveId(next);
      if (!focusRow(prefix, next, true)) focusLater(next, true);
    },
    [prefix, ids, onMoveAccount, focusLater],
  );

  const onFocus = useCallback((event: { target: EventTarget }) => {
    const id = (event.target as HTMLElement).closest<HTMLElement>('li[data-account-id]')?.dataset
      .accountId;
    if (id) setActiveId(id);
  }, []);

  return { activeId: current, onKeyDown, onFocus, focusLater } as const;
}
