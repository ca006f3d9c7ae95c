import { useEffect, useSyncExternalStore } from 'react';
// First, so the page's style sheets keep their order (the unlocked screens' come before Setup's).
import { Unlocked } from './Unlocked';
import { accountsStore } from '../features/codes/accounts-store';
import { Setup } from '../features/vault/Setup';
import { Unlock } from '../features/vault/Unlock';
import { vaultStore } from '../features/vault/vault-store';
import { AppFrame } from './AppFrame';

/** Chooses by the vault's state: set up a new vault, unlock it, or show the open vault. */
export function Gate() {
  const { status, lockReason } = useSyncExternalStore(vaultStore.subscribe, vaultStore.getSnapshot);
  useEffect(() => {
    vaultStore.start();
    accountsStore.start();
  }, []);
  if (!status) return null;
  if (status.state === 'unlocked') return <Unlocked />;
  return (
    <AppFrame>
      {status.state === 'absent' ? (
        <Setup status={status} />
      ) : (
        <Unlock status={status} lockReason={lockReason} />
      )}
    </AppFrame>
  );
}
