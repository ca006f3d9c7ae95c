import { useId } from 'react';
import { ErrorText } from '../../lib/ErrorText';

/** Where the block of recovery codes the service gave is pasted and saved. */
export function RecoveryBlockForm({
  block,
  onChange,
  error,
  onSave,
}: {
  block: string;
  onChange: (block: string) => void;
  error: string | null | false;
  onSave: () => void;
}) {
  const blockId = useId();
  return (
    <div className="field">
      <label htmlFor={blockId}>Paste the recovery codes the service gave you</label>
      <textarea
        id={blockId}
        rows={4}
        spellCheck={false}
        value={block}
        onChange={(e) => onChange(e.target.value)}
      />
      <ErrorText message={error} />
      <div className="form-actions">
        <button
          type="button"
          className="primary small"
          disabled={block.trim() === ''}
          onClick={onSave}
        >
          Save recovery codes
        </button>
      </div>
    </div>
  );
}
