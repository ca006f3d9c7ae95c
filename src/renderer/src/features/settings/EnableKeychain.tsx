import { useState } from 'react';
import type { VaultStatusView } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { useBridgeAction } from '../../lib/use-bridge-action';
import { useToast } from '../../ui/Toast';
import { vaultStore } from '../vault/vault-store';
import { ConfirmWithPassword } from './ConfirmWithPassword';

/** Turning on keychain unlock weakens protection, so the password is asked first. */
export function EnableKeychain({ status }: { status: VaultStatusView }) {
  const [confirming, setConfirming] = useState(false);
  const toast = useToast();
  const enable = useBridgeAction(latchkey['security:enable-keychain'], {
    onSuccess: (view) => {
      vaultStore.setStatus(view);
      setConfirming(false);
      toast('Latchkey now opens automatically on this device');
    },
  });
  if (confirming) {
    return (
      <ConfirmWithPassword
        explanation="Anyone who can use this computer’s account will then open Latchkey without the password."
        action="Open automatically"
        busy={enable.busy}
        error={enable.error}
        hasPassword={status.slots.password}
        onConfirm={(reauth) => void enable.run({ reauth })}
        onCancel={() => setConfirming(false)}
      />
    );
  }
  return (
    <div className="form-actions">
      <button
        type="button"
        className="secondary"
        disabled={!status.keychainAvailable}
        onClick={() => setConfirming(true)}
      >
        Open automatically on this device
      </button>
    </div>
  );
}
