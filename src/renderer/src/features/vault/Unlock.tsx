import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { VaultStatusView } from '../../../../shared/bridge';
import type { ErrorInfo } from '../../../../shared/errors';
import { latchkey } from '../../lib/bridge';
import { useNow } from '../../lib/clock';
import { Notice } from '../../ui/Notice';
import { PasswordField } from '../../ui/PasswordField';
import { Screen } from '../../ui/Screen';
import { ForgotPassword } from './ForgotPassword';
import { vaultStore } from './vault-store';

const LOCK_REASONS: Record<string, string> = {
  user: 'Latchkey is locked.',
  idle: 'Latchkey locked itself after a while without use.',
  suspend: 'Latchkey locked when the computer went to sleep.',
  'screen-lock': 'Latchkey locked when the screen was locked.',
  'signed-out': 'This device is signed out: Latchkey no longer opens automatically here.',
};

/** Time a saved copy was written, from its id (`<sequence>-<unix ms>`). */
function savedAt(generationId: string): string {
  const ms = Number(generationId.split('-')[1]);
  return Number.isFinite(ms) ? new Date(ms).toLocaleString() : 'earlier';
}

export function Unlock({
  status,
  lockReason,
}: {
  status: VaultStatusView;
  lockReason: string | null;
}) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const now = useNow();
  const triedKeychain = useRef(false);
  const waiting = status.lockedOutUntil !== null && status.lockedOutUntil > now;
  // A vault file too damaged to read hides its slots: offer both ways in, so a saved copy can be found.
  const damaged = status.damaged !== null;
  const canKeychain = (status.slots.keychain || damaged) && status.keychainAvailable;
  const canPassword = status.slots.password || damaged;

  const unlock = async (request: Parameters<(typeof latchkey)['vault:unlock']>[0]) => {
    setBusy(true);
    const result = await latchkey['vault:unlock'](request);
    setBusy(false);
    if (result.ok) return vaultStore.setStatus(result.value);
    setError(result.error);
    void vaultStore.refresh();
  };

  // Open automatically on this device — but only when the app starts, never right after a lock.
  useEffect(() => {
    if (triedKeychain.current || lockReason !== null || !canKeychain || status.damaged) return;
    triedKeychain.current = true;
    const timer = setTimeout(() => void unlock({ method: 'keychain' }), 0);
    return () => clearTimeout(timer);
  }, [canKeychain, lockReason, status.damaged]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void unlock({ method: 'password', password }).then(() => setPassword(''));
  };

  const restorable =
    typeof error?.details?.restorableGeneration === 'string'
      ? error.details.restorableGeneration
      : null;
  const restore = async () => {
    if (!restorable) return;
    const result = await latchkey['vault:restore-generation']({ id: restorable });
    if (!result.ok) return setError(result.error);
    setError(null);
    await vaultStore.refresh();
  };

  return (
    <Screen title="Unlock Latchkey">
      {lockReason && LOCK_REASONS[lockReason] && <p className="lead">{LOCK_REASONS[lockReason]}</p>}
      {status.damaged && (
        <Notice tone="danger" role="alert" testId="vault-damaged">
          {status.damaged.message}
        </Notice>
      )}
      {status.slots.keychain && !status.keychainAvailable && (
        <Notice role="note">
          This computer’s keychain is not available right now, so Latchkey cannot open
          automatically. Use your password.
        </Notice>
      )}
      {canPassword && (
        <form className="card" onSubmit={submit} noValidate>
          <PasswordField
            label="Password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            autoFocus
            error={error && !restorable ? error.message : null}
          />
          {waiting && (
            <p className="field-error" role="status" data-testid="lockout">
              Too many wrong passwords. Try again in{' '}
              {Math.ceil((status.lockedOutUntil! - now) / 1000)} s.
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy || waiting || password === ''}>
              Unlock
            </button>
          </div>
        </form>
      )}
      {canKeychain && (
        <div className="form-actions">
          <button
            type="button"
            className={canPassword ? 'secondary' : 'primary'}
            disabled={busy}
            onClick={() => void unlock({ method: 'keychain' })}
          >
            Unlock with this device’s keychain
          </button>
        </div>
      )}
      {error && (restorable || !canPassword) && (
        <Notice tone="danger" role="alert" testId="unlock-error">
          <p>{error.message}</p>
          {restorable && (
            <button type="button" className="primary" onClick={() => void restore()}>
              Restore the copy saved {savedAt(restorable)}
            </button>
          )}
        </Notice>
      )}
      {canPassword && <ForgotPassword />}
    </Screen>
  );
}
