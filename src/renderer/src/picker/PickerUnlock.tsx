import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { VaultStatusView } from '../../../shared/bridge';
import { PasswordField } from '../ui/PasswordField';
import { picker } from './bridge';
import { pickerStore } from './picker-store';

type UnlockRequest = Parameters<(typeof picker)['vault:unlock']>[0];

/** Locked: unlock here (password or this device's keychain), then the search continues. */
export function PickerUnlock({ status }: { status: VaultStatusView }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canKeychain = status.slots.keychain && status.keychainAvailable;

  const unlock = async (request: UnlockRequest) => {
    setBusy(true);
    const result = await picker['vault:unlock'](request);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setPassword('');
    pickerStore.setStatus(result.value);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void unlock({ method: 'password', password });
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') void picker['picker:close']({});
  };

  return (
    <form className="picker-unlock" onSubmit={submit} onKeyDown={onKey} noValidate>
      <h1 className="picker-title">Unlock Latchkey to copy a code</h1>
      {status.slots.password && (
        <PasswordField
          label="Password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          autoFocus
          error={error}
        />
      )}
      {!status.slots.password && error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        {canKeychain && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void unlock({ method: 'keychain' })}
          >
            Unlock with this device’s keychain
          </button>
        )}
        {status.slots.password && (
          <button type="submit" className="primary" disabled={busy || password === ''}>
            Unlock
          </button>
        )}
      </div>
    </form>
  );
}
