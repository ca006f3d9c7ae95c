import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useEscape } from './escape';
import { rememberFocus, tabbables } from './focus';

interface Props {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
}

/**
 * A modal dialog (the platform's `<dialog>`, so the page behind is inert): Tab cycles inside
 * it, Escape and Close close it, and focus goes back to whatever opened it. Render it only
 * while it is open.
 */
export function Dialog({ title, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEscape(onClose);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const back = rememberFocus();
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      // After React has removed the dialog, so the opener is the one left to focus.
      queueMicrotask(back.restore);
    };
  }, []);

  const trap = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !ref.current) return;
    const stops = tabbables(ref.current);
    const first = stops[0];
    const last = stops.at(-1);
    if (!first || !last) return event.preventDefault();
    const active = document.activeElement;
    const outside = !ref.current.contains(active);
    if (event.shiftKey && (active === first || outside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || outside)) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onKeyDown={trap}
      // Escape is handled with every other screen's (innermost first); the browser's own
      // close would leave React thinking the dialog is still open.
      onCancel={(e) => e.preventDefault()}
      onClose={onClose}
    >
      <div className="dialog-body">
        <header className="screen-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="secondary" onClick={onClose}>
            Close
          </button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
