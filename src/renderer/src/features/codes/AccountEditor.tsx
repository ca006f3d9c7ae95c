import { useId, useState, type FormEvent } from 'react';
import type { Account } from '../../../../shared/account';
import { latchkey } from '../../lib/bridge';
import { useToast } from '../toast/Toast';
import { RecoveryCodes } from './RecoveryCodes';
import { ErrorText } from '../../lib/ErrorText';

interface Props {
  readonly account: Account;
  readonly index: number;
  readonly count: number;
  readonly onMove: (from: number, to: number) => void;
  readonly onDone: () => void;
}

/** Rename, reorder or delete one account (with a confirmation, then a few seconds to undo). */
export function AccountEditor({ account, index, count, onMove, onDone }: Props) {
  const [issuer, setIssuer] = useState(account.issuer);
  const [name, setName] = useState(account.name);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const issuerId = useId();
  const nameId = useId();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await latchkey['accounts:update']({ id: account.id, issuer, name });
    if (!result.ok) return setError(result.error.message);
    toast('Saved');
    onDone();
  };

  const remove = async () => {
    const result = await latchkey['accounts:remove']({ id: account.id });
    if (!result.ok) return setError(result.error.message);
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
    <form
      className="editor"
      onSubmit={(e) => void save(e)}
      aria-label={`Edit ${account.issuer || account.name}`}
      noValidate
    >
      <div className="editor-fields">
        <div className="field">
          <label htmlFor={issuerId}>Service</label>
          <input id={issuerId} value={issuer} onChange={(e) => setIssuer(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={nameId}>Account</label>
          <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
      </div>
      <ErrorText message={error} />
      <div className="form-actions">
        <button
          type="button"
          className="secondary small"
          disabled={index === 0}
          onClick={() => onMove(index, index - 1)}
          aria-label="Move up"
        >
          ↑
        </button>
        <button
          type="button"
          className="secondary small"
          disabled={index === count - 1}
          onClick={() => onMove(index, index + 1)}
          aria-label="Move down"
        >
          ↓
        </button>
        <span className="spacer" />
        {confirmDelete ? (
          <>
            <span className="hint">Delete this account?</span>
            <button
              type="button"
              className="secondary small"
              onClick={() => setConfirmDelete(false)}
            >
              Keep
            </button>
            <button type="button" className="primary small danger" onClick={() => void remove()}>
              Delete
            </button>
          </>
        ) : (
          <button type="button" className="secondary small" onClick={() => setConfirmDelete(true)}>
            Delete…
          </button>
        )}
        <button type="submit" className="primary small">
          Save
        </button>
      </div>
      <RecoveryCodes account={account} />
    </form>
  );
}
