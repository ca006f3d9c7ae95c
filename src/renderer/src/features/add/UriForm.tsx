import { useId, useState, type FormEvent } from 'react';
import type { AddedAccount } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { ErrorText } from '../../lib/ErrorText';

/** Paste an otpauth:// link (what a QR code contains) to add an account. */
export function UriForm({ onAdded }: { onAdded: (added: AddedAccount) => void }) {
  const [uri, setUri] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await latchkey['accounts:add-uri']({ uri: uri.trim() });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setUri('');
    setError(null);
    onAdded(result.value);
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-label="Add from a link">
      <label htmlFor={inputId}>Authenticator link</label>
      <textarea
        id={inputId}
        name="uri"
        rows={3}
        spellCheck={false}
        autoComplete="off"
        placeholder="otpauth://totp/Example:you@example.com?secret=…"
        value={uri}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setUri(e.target.value)}
      />
      <ErrorText message={error} id={errorId} testId="uri-error" />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || uri.trim() === ''}>
          Add account
        </button>
      </div>
    </form>
  );
}
