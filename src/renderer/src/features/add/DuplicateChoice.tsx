import type { ErrorInfo } from '../../../../shared/errors';
import { Notice } from '../../ui/Notice';

/**
 * Adding a key the vault already has (same secret and type) stops with a choice instead of
 * silently making a second identical row.
 */
export function DuplicateChoice({
  error,
  onKeepBoth,
  onCancel,
}: {
  error: ErrorInfo | null;
  onKeepBoth: () => void;
  onCancel: () => void;
}) {
  if (error?.code !== 'accounts.duplicate') return null;
  return (
    <Notice role="alert" testId="duplicate-choice">
      <p>You already have this account.</p>
      <div className="form-actions">
        <button type="button" className="secondary small" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary small" onClick={onKeepBoth}>
          Keep both
        </button>
      </div>
    </Notice>
  );
}
