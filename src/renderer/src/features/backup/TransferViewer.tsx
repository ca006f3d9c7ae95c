import { useState } from 'react';

export interface TransferImages {
  readonly images: readonly string[];
  /** Accounts Google Authenticator cannot hold. */
  readonly left: readonly string[];
}

/** The transfer codes, one part at a time, with what could not be included. */
export function TransferViewer({ codes, onHide }: { codes: TransferImages; onHide: () => void }) {
  const [part, setPart] = useState(0);
  const count = codes.images.length;
  return (
    <div className="transfer">
      {count > 0 ? (
        <>
          <img
            src={codes.images[part]}
            alt={`Transfer code, part ${part + 1} of ${count}`}
            data-testid="transfer-code"
          />
          <p>
            Part {part + 1} of {count}. In Google Authenticator choose “Transfer accounts” → “Import
            accounts” and scan each part.
          </p>
        </>
      ) : (
        <p>None of your accounts can be moved this way.</p>
      )}
      {codes.left.length > 0 && (
        <p className="hint">
          Not included (Google Authenticator cannot hold them): {codes.left.join(', ')}.
        </p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="secondary"
          disabled={part === 0}
          onClick={() => setPart((p) => p - 1)}
        >
          Previous
        </button>
        <button
          type="button"
          className="secondary"
          disabled={part >= count - 1}
          onClick={() => setPart((p) => p + 1)}
        >
          Next part
        </button>
        <button type="button" className="primary" onClick={onHide}>
          Hide codes
        </button>
      </div>
    </div>
  );
}
