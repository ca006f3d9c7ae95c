import { useEffect, useRef } from 'react';

/**
 * Escape closes the innermost open thing only: screens, editors and dialogs register here and
 * the most recently opened one handles the key. A handler that already used the key (a search
 * field clearing itself) calls `preventDefault()`, and nothing closes.
 */
const stack: { readonly run: () => void }[] = [];

function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
  const top = stack.at(-1);
  if (!top) return;
  event.preventDefault();
  top.run();
}

export function useEscape(handler: () => void, enabled = true): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const entry = { run: () => latest.current() };
    stack.push(entry);
    if (stack.length === 1) document.addEventListener('keydown', onKeyDown);
    return () => {
      stack.splice(stack.indexOf(entry), 1);
      if (stack.length === 0) document.removeEventListener('keydown', onKeyDown);
    };
  }, [enabled]);
}
