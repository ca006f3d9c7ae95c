import { useState } from 'react';
import type { Account } from '../../../../../shared/account';
import { latchkey } from '../../../lib/bridge';
import { useToast } from '../../../ui/Toast';

interface Props {
  readonly account: Account;
  readonly canMove: boolean;
  readonly onMove: (to: 'top' | 'bottom') => void;
  readonly onDeleted: () => void;
}

/** Move to top / bottom (custom order) and Delete (with a confirmation, then a few seconds to undo). */
export function EditorActions({ account, canMove, onMove, onDeleted }: Props) {
  const [confirm, setConfirm] = useState(false);
  const toast = useToast();
  const remove = async () => {
    const result = await latchkey['accounts:remove']({ id: account.id });
    if (!result.ok) return toast(result.error.message, 'error');
    onDeleted();
    toast(`Deleted ${account.issuer || account.name || 'account'}`, 'info', {
      label: 'Undo',
      ms: Math.max(1000, result.value.undoUntil - Date.now()),
      run: () =>
        void latchkey['accounts:undo-remove']({ id: account.id }).then(
          (r) => !r.ok && toast(r.error.message, 'error'),
        ),
    });
  };
  return (
    <div className="form-actions">
      {canMove && (
        <>
          <button type="button" className="secondary small" onClick={() => onMove('top')}>
            Move to top
          </button>
          <button type="button" className="secondary small" onClick={() => onMove('bottom')}>
            Move to bottom
          </button>
        </>
      )}
      <span className="spacer" />
      {confirm ? (
        <>
          <span className="hint">Delete this account?</span>
          <button type="button" className="secondary small" onClick={() => setConfirm(false)}>
            Keep
          </button>
          <button type="button" className="primary small danger" onClick={() => void remove()}>
            Delete
          </button>
        </>
      ) : (
        <button type="button" className="secondary small" onClick={() => setConfirm(true)}>
          Delete…
        </button>
      )}
    </div>
  );
}
