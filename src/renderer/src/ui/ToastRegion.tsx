import { useContext } from 'react';
import { ToastContext } from './toast-context';

/**
 * Where messages appear, announced to screen readers. The app places it in its own row under
 * the content (not floating over it), so a message never covers a control.
 */
export function ToastRegion() {
  const { current, dismiss } = useContext(ToastContext);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {current && (
        <div key={current.id} className={`toast toast-${current.tone}`} data-testid="toast">
          <span>{current.text}</span>
          {current.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                current.action?.run();
                dismiss();
              }}
            >
              {current.action.label}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
