import { useState, type FormEvent } from 'react';
import type { Reauth } from '../../../../shared/bridge';
import { ErrorText } from '../../lib/ErrorText';
import { PasswordField } from '../../ui/PasswordField';

interface Props {
  /** What the change does, in a sentence, above the password field. */
  readonly explanation: string;
  readonly action: string;
  readonly busy: boolean;
  readonly error: string | null;
  readonly danger?: boolean;
  /** False for a vault only this device's keychain opens: an explicit confirmation instead. */
  readonly hasPassword?: boolean;
  readonly onConfirm: (proof: Reauth & { method: 'password' | 'confirm' }) => void;
  readonly onCancel: () => void;
}

/**
 * Proof asked again before a change that weakens protection (or that needs the password
 * itself, like signing out of this device). Main checks it, under the wrong-password lockout.
 */
export function ConfirmWithPassword({ hasPassword = true, ...props }: Props) {
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!hasPassword) props.onConfirm({ method: 'confirm' });
    else if (password !== '') props.onConfirm({ method: 'password', password });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p className="hint">{props.explanation}</p>
      {hasPassword && (
        <PasswordField
          label="Your Latchkey password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
        />
      )}
      <ErrorText message={props.error} />
      <div className="form-actions">
        <button type="button" className="secondary" onClick={props.onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          className={props.danger ? 'primary danger' : 'primary'}
          disabled={(hasPassword && password === '') || props.busy}
        >
          {props.action}
        </button>
      </div>
    </form>
  );
}
