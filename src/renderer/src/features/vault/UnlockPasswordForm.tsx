import type { FormEvent } from 'react';
import { useNow } from '../../lib/clock';
import { PasswordField } from '../../ui/PasswordField';

/** The password form, with the wait after too many wrong passwords counted down. */
export function UnlockPasswordForm({
  password,
  onPasswordChange,
  error,
  busy,
  lockedOutUntil,
  onSubmit,
}: {
  password: string;
  onPasswordChange: (password: string) => void;
  error: string | null;
  busy: boolean;
  lockedOutUntil: number | null;
  onSubmit: () => void;
}) {
  const now = useNow();
  const waiting = lockedOutUntil !== null && lockedOutUntil > now;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="card" onSubmit={submit} noValidate>
      <PasswordField
        label="Password"
        value={password}
        onChange={onPasswordChange}
        autoComplete="current-password"
        autoFocus
        error={error}
      />
      {waiting && (
        <p className="field-error" role="status" data-testid="lockout">
          Too many wrong passwords. Try again in {Math.ceil((lockedOutUntil - now) / 1000)} s.
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || waiting || password === ''}>
          Unlock
        </button>
      </div>
    </form>
  );
}
