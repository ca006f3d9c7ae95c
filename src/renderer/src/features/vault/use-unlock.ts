import { useEffect, useRef, useState } from 'react';
import type { VaultStatusView } from '../../../../shared/bridge';
import type { ErrorInfo } from '../../../../shared/errors';
import { latchkey } from '../../lib/bridge';
import { vaultStore } from './vault-store';

type UnlockRequest = Parameters<(typeof latchkey)['vault:unlock']>[0];

/** The id of a saved copy main offers to restore after a failed unlock, if any. */
function restorableOf(error: ErrorInfo | null): string | null {
  return typeof error?.details?.restorableGeneration === 'string'
    ? error.details.restorableGeneration
    : null;
}

/**
 * Unlocking: by password or by this device's keychain (tried once on its own when the app
 * starts), and restoring a saved copy when main says the vault file cannot be read. The last
 * failure stays shown until the next one, or until a restore succeeds.
 */
export function useUnlock(status: VaultStatusView, lockReason: string | null) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const triedKeychain = useRef(false);
  // A vault file too damaged to read hides its slots: offer both ways in, so a saved copy can be found.
  const damaged = status.damaged !== null;
  const canKeychain = (status.slots.keychain || damaged) && status.keychainAvailable;
  const canPassword = status.slots.password || damaged;

  const unlock = async (request: UnlockRequest) => {
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

  const unlockWithPassword = () =>
    void unlock({ method: 'password', password }).then(() => setPassword(''));
  const unlockWithKeychain = () => void unlock({ method: 'keychain' });

  const restorable = restorableOf(error);
  const restore = async () => {
    if (!restorable) return;
    const result = await latchkey['vault:restore-generation']({ id: restorable });
    if (!result.ok) return setError(result.error);
    setError(null);
    await vaultStore.refresh();
  };

  return {
    password,
    setPassword,
    error,
    busy,
    canKeychain,
    canPassword,
    unlockWithPassword,
    unlockWithKeychain,
    restorable,
    restore,
  } as const;
}
