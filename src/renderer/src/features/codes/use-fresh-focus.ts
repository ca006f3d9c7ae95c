import { useEffect, useRef } from 'react';

/**
 * When accounts appear (added, imported, undeleted), the whole list shows again and the first
 * new row is scrolled into view and focused once it has rendered.
 */
export function useFreshFocus(
  fresh: ReadonlySet<string>,
  focusLater: (id: string, scroll: boolean) => void,
  showAll: () => void,
): void {
  const latest = useRef(showAll);
  useEffect(() => {
    latest.current = showAll;
  });
  useEffect(() => {
    const first = [...fresh][0];
    if (!first) return undefined;
    const frame = requestAnimationFrame(() => {
      focusLater(first, true);
      latest.current();
    });
    return () => cancelAnimationFrame(frame);
  }, [fresh, focusLater]);
}
