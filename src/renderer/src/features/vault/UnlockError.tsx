import type { ErrorInfo } from '../../../../shared/errors';
import { Notice } from '../../ui/Notice';
import { savedAt } from './lock-reasons';

/** A failure shown apart from the password field, with a saved copy to restore if main has one. */
export function UnlockError({
  error,
  restorable,
  onRestore,
}: {
  error: ErrorInfo;
  restorable: string | null;
  onRestore: () => void;
}) {
  return (
    <Notice tone="danger" role="alert" testId="unlock-error">
      <p>{error.message}</p>
      {restorable && (
        <button type="button" className="primary" onClick={onRestore}>
          Restore the copy saved {savedAt(restorable)}
        </button>
      )}
    </Notice>
  );
}
