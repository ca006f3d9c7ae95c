import { useState } from 'react';
import { latchkey } from '../../lib/bridge';
import { useBridgeAction } from '../../lib/use-bridge-action';
import { vaultStore } from '../vault/vault-store';
import { ConfirmWithPassword } from './ConfirmWithPassword';

/**
 * Forget this device's key. Needs the password: the vault gets a new master key wrapped under
 * it alone, so a copy of the old device key opens nothing current.
 */
export function SignOutDevice() {
  const [confirming, setConfirming] = useState(false);
  const signOut = useBridgeAction(latchkey['security:sign-out-device'], {
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
    <ConfirmWithPassword
      explanation="Sign out and lock now? You will need your password to open Latchkey."
      action="Sign out"
      danger
      busy={signOut.busy}
      error={signOut.error}
      onConfirm={(proof) =>
        proof.method === 'password' && void signOut.run({ currentPassword: proof.password })
      }
      onCancel={() => setConfirming(false)}
    />
  );
}
