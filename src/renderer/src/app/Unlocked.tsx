import { useEffect, useSyncExternalStore } from 'react';
import { AddAccount } from '../features/add/AddAccount';
import { EmptyState } from '../features/add/EmptyState';
import { Backup } from '../features/backup/Backup';
import { BackupReminder } from '../features/backup/BackupReminder';
import { accountsStore } from '../features/codes/accounts-store';
import { CodeList } from '../features/codes/CodeList';
import { Settings } from '../features/settings/Settings';
import { vaultStore } from '../features/vault/vault-store';
import { reportActivity } from '../lib/activity';
import { AppFrame } from './AppFrame';
import { MainNav } from './MainNav';
import { useUnlockedScreens } from './use-unlocked-screens';

/** An open vault: the code list, or the add, settings or backup screen over it. */
export function Unlocked() {
  const { screen, open, close, addMode, openAdd, added, scanned } = useUnlockedScreens();
  const state = useSyncExternalStore(accountsStore.subscribe, accountsStore.getSnapshot);
  const { status } = useSyncExternalStore(vaultStore.subscribe, vaultStore.getSnapshot);
  useEffect(() => reportActivity(), []);
  const empty = state.loaded && state.accounts.length === 0;

  const nav = screen === 'codes' && (
    <MainNav canAdd={!empty} open={(s) => (s === 'add' ? openAdd('scan') : open(s))} />
  );
  return (
    <AppFrame nav={nav}>
      {screen === 'add' && (
        <AddAccount initialMode={addMode} onAdded={added} onScanned={scanned} onCancel={close} />
      )}
      {screen === 'settings' && status && <Settings status={status} onClose={close} />}
      {screen === 'backup' && status && (
        <Backup status={status} accounts={state.accounts} onClose={close} />
      )}
      {screen === 'codes' && (
        <>
          <BackupReminder accounts={state.accounts} onOpen={() => open('backup')} />
          {empty ? (
            <EmptyState onAdd={() => openAdd('scan')} onImport={() => openAdd('import')} />
          ) : (
            <CodeList state={state} onAdd={() => openAdd('scan')} />
          )}
        </>
      )}
    </AppFrame>
  );
}
