import type { VaultStatusView } from '../../../../shared/bridge';
import { Notice } from '../../ui/Notice';
import { Screen } from '../../ui/Screen';
import { ForgotPassword } from './ForgotPassword';
import { describeLockReason } from './lock-reasons';
import { UnlockError } from './UnlockError';
import { UnlockPasswordForm } from './UnlockPasswordForm';
import { useUnlock } from './use-unlock';

/** The locked screen: password, this device’s keychain, or a saved copy when the file is damaged. */
export function Unlock({
  status,
  lockReason,
}: {
  status: VaultStatusView;
  lockReason: string | null;
}) {
  const unlock = useUnlock(status, lockReason);
  const { error, restorable, canPassword, canKeychain, busy } = unlock;
  const reason = describeLockReason(lockReason);

  return (
    <Screen title="Unlock Latchkey">
      {reason && <p className="lead">{reason}</p>}
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
        <UnlockPasswordForm
          password={unlock.password}
          onPasswordChange={unlock.setPassword}
          error={error && !restorable ? error.message : null}
          busy={busy}
          lockedOutUntil={status.lockedOutUntil}
          onSubmit={unlock.unlockWithPassword}
        />
      )}
      {canKeychain && (
        <div className="form-actions">
          <button
            type="button"
            className={canPassword ? 'secondary' : 'primary'}
            disabled={busy}
            onClick={unlock.unlockWithKeychain}
          >
            Unlock with this device’s keychain
          </button>
        </div>
      )}
      {error && (restorable || !canPassword) && (
        <UnlockError
          error={error}
          restorable={restorable}
          onRestore={() => void unlock.restore()}
        />
      )}
      {canPassword && <ForgotPassword />}
    </Screen>
  );
}
