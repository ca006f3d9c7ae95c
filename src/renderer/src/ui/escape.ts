import { useEffect, useRef, useState } from 'react';

/**
 * Escape closes the innermost open thing only: screens, editors and dialogs register here and
 * the innermost one handles the key. A handler that already used the key (a search field
 * clearing itself) calls `preventDefault()`, and nothing closes.
 *
 * "Innermost" is the one that rendered last: a parent renders before its children, and what
 * opens later renders later. (Effects run children first, so registration order would not do.)
 */
const open: { readonly order: number; readonly run: () => void }[] = [];
let rendered = 0;

function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
  const innermost = open.reduce<(typeof open)[number] | undefined>(
    (best, e) => (!best || e.order > best.order ? e : best),
    undefined,
  );
  if (!innermost) return;
  event.preventDefault();
  innermost.run();
}

export function useEscape(handler: () => void, enabled = true): void {
  const [order] = useState(() => ++rendered);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const entry = { order, run: () => latest.current() };
    open.push(entry);
    if (open.length === 1) document.addEventListener('keydown', onKeyDown);
    return () => {
      open.splice(open.indexOf(entry), 1);
      if (open.length === 0) document.removeEventListener('keydown', onKeyDown);
    };
  }, [enabled, order]);
}
