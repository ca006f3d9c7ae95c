import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useEscape } from './escape';

interface Props {
  readonly title: string;
  readonly onClose?: () => void;
  readonly children: ReactNode;
}

/**
 * One screen of the app: its heading takes focus when it opens (so a screen reader announces
 * where the user is, and Tab continues from the top), and when it can be closed, Escape and the
 * Done button close it.
 */
export function Screen({ title, onClose, children }: Props) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const section = useRef<HTMLElement>(null);
  // A field that asked for focus (autoFocus) keeps it; otherwise the heading takes it.
  useEffect(() => {
    if (!section.current?.contains(document.activeElement)) heading.current?.focus();
  }, []);
  useEscape(() => onClose?.(), onClose !== undefined);
  return (
    <section className="screen" aria-labelledby={id} ref={section}>
      <header className="screen-header">
        <h2 id={id} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        {onClose && (
          <button type="button" className="secondary" onClick={onClose}>
            Done
          </button>
        )}
      </header>
      {children}
    </section>
  );
}
