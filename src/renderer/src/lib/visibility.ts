import { useCallback, useState, useSyncExternalStore } from 'react';

/**
 * Which elements are on (or near) the screen, from one shared IntersectionObserver. Long lists
 * render full rows — and tick their countdowns — only where the user can see them.
 */
const visible = new WeakSet<Element>();
const listeners = new Map<Element, Set<() => void>>();
let observer: IntersectionObserver | null = null;

function shared(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const was = visible.has(entry.target);
        if (entry.isIntersecting) visible.add(entry.target);
        else visible.delete(entry.target);
        if (was !== entry.isIntersecting) listeners.get(entry.target)?.forEach((l) => l());
      }
    },
    // Render a screenful ahead so scrolling never shows an empty row. The list scrolls inside
    // <main>, whose edge would otherwise clip the margin away: scrollMargin widens it too.
    { rootMargin: '100% 0px', scrollMargin: '100% 0px' },
  );
  return observer;
}

function subscribe(element: Element | null, listener: () => void): () => void {
  if (!element) return () => {};
  const set = listeners.get(element) ?? new Set();
  set.add(listener);
  if (set.size === 1) {
    listeners.set(element, set);
    shared().observe(element);
  }
  return () => {
    set.delete(listener);
    if (set.size === 0) {
      listeners.delete(element);
      visible.delete(element);
      shared().unobserve(element);
    }
  };
}

/** A callback ref for the element and whether it is near the viewport (false until known). */
export function useNearViewport<T extends Element>(): [(element: T | null) => void, boolean] {
  const [element, setElement] = useState<T | null>(null);
  const sub = useCallback((listener: () => void) => subscribe(element, listener), [element]);
  const isVisible = useSyncExternalStore(sub, () => (element ? visible.has(element) : false));
  return [setElement, isVisible];
}
