import { useState } from 'react';
import { latchkey } from '../../lib/bridge';
import { useBridgeAction } from '../../lib/use-bridge-action';
import { vaultStore } from '../vault/vault-store';

/** Forget this device's key, after a confirmation (the password is then the only way in). */
export function SignOutDevice() {
  const [confirming, setConfirming] = useState(false);
  const signOut = useBridgeAction(latchkey['security:sign-out-device'], {
    toastErrors: true,
    onSuccess: (view) => vaultStore.setStatus(view),
  });
  if (!confirming) {
    return (
      <div className="form-actions">
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>
          Sign out of this device
        </button>
      </div>
    );
  }
  return (
    <div className="form-actions">
      <span className="hint">
        Sign out and lock now? You will need your password to open Latchkey.
      </span>
      <button type="button" className="secondary" onClick={() => setConfirming(false)}>
        Cancel
      </button>
      <button
        type="button"
        className="primary danger"
        disabled={signOut.busy}
        onClick={() => void signOut.run({})}
      >
        Sign out
      </button>
    </div>
  );
}
