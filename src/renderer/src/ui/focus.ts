/**
 * Where focus goes when a screen or dialog closes. The control that opened it may have been
 * re-rendered in the meantime (the header's buttons unmount while another screen is open), so
 * a control can carry `data-focus-key` and a fresh element with the same key is found instead.
 */
export interface FocusReturn {
  /** Focuses the opener again, unless something else already took focus. */
  readonly restore: () => void;
}

export function rememberFocus(doc: Document = document): FocusReturn {
  const element = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  const key = element?.dataset.focusKey;
  return {
    restore: () => {
      if (!isIdle(doc)) return;
      const target = element?.isConnected
        ? element
        : key
          ? doc.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`)
          : null;
      target?.focus();
    },
  };
}

/** True when nothing in particular has focus (after the focused element was removed, say). */
export function isIdle(doc: Document = document): boolean {
  return doc.activeElement === null || doc.activeElement === doc.body;
}

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** The elements Tab visits inside `root`, in document order. */
export function tabbables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (e) => !e.closest('[hidden], [inert]') && e.tabIndex >= 0,
  );
}
