import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AddedAccount } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { ErrorText } from '../../lib/ErrorText';
import { useBridgeAction } from '../../lib/use-bridge-action';
import { DuplicateChoice } from './DuplicateChoice';

/** Paste an otpauth:// link (what a QR code contains) to add an account. */
export function UriForm({ onAdded }: { onAdded: (added: AddedAccount) => void }) {
  const [uri, setUri] = useState('');
  const inputId = useId();
  const errorId = useId();
  const add = useBridgeAction(latchkey['accounts:add-uri'], {
    onSuccess: (added) => {
      setUri('');
      onAdded(added);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (uri.trim() !== '') void add.run({ uri: uri.trim() });
  };
  // A link is one line: Enter submits (Shift+Enter still breaks a pasted list for reading).
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  };

  return (
    <form className="card" onSubmit={submit} aria-label="Add from a link">
      <label htmlFor={inputId}>Authenticator link</label>
      <textarea
        id={inputId}
        name="uri"
        rows={3}
        spellCheck={false}
        autoComplete="off"
        autoFocus
        placeholder="otpauth://totp/Example:you@example.com?secret=…"
        value={uri}
        aria-invalid={add.error ? true : undefined}
        aria-describedby={add.error ? errorId : undefined}
        onChange={(e) => setUri(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {add.errorInfo?.code === 'accounts.duplicate' ? (
        <DuplicateChoice
          error={add.errorInfo}
          onKeepBoth={() => void add.run({ uri: uri.trim(), keepDuplicate: true })}
          onCancel={() => add.fail(null)}
        />
      ) : (
        <ErrorText message={add.error} id={errorId} testId="uri-error" />
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={add.busy || uri.trim() === ''}>
          Add account
        </button>
      </div>
    </form>
  );
}
