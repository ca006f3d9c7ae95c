import { Fragment, useEffect, useState } from 'react';
import { isTyping, SHORTCUTS } from '../lib/shortcuts';
import { Dialog } from './Dialog';

/** `?` (outside a text field) opens a sheet of the keyboard shortcuts. */
export function ShortcutsSheet() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault();
      setOpen(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  if (!open) return null;
  return (
    <Dialog title="Keyboard shortcuts" onClose={() => setOpen(false)}>
      <dl className="shortcuts" data-testid="shortcuts">
        {SHORTCUTS.map(({ keys, action }) => (
          <Fragment key={action}>
            <dt>
              {keys.map((combo, i) => (
                <Fragment key={combo.join('+')}>
                  {i > 0 && ' or '}
                  {combo.map((k) => (
                    <kbd key={k}>{k}</kbd>
                  ))}
                </Fragment>
              ))}
            </dt>
            <dd>{action}</dd>
          </Fragment>
        ))}
      </dl>
    </Dialog>
  );
}
