import { useEffect, useState, useSyncExternalStore } from 'react';
import { accountLabel } from '../../shared/account';
import type { AddedAccount } from '../../shared/bridge';
import { AddAccount } from './features/add/AddAccount';
import { Backup } from './features/backup/Backup';
import { BackupReminder } from './features/backup/BackupReminder';
import { accountsStore } from './features/codes/accounts-store';
import { CodeList } from './features/codes/CodeList';
import { Settings } from './features/settings/Settings';
import { ToastProvider, useToast } from './features/toast/Toast';
import { Setup } from './features/vault/Setup';
import { Unlock } from './features/vault/Unlock';
import { vaultStore } from './features/vault/vault-store';
import { reportActivity } from './lib/activity';
import { latchkey } from './lib/bridge';

type Screen = 'codes' | 'add' | 'settings' | 'backup';

function AppTitle() {
  return (
    <h1>
      <span className="logo" aria-hidden="true">
        ◆
      </span>{' '}
      Latchkey
    </h1>
  );
}

function Unlocked() {
  const [screen, setScreen] = useState<Screen>('codes');
  const state = useSyncExternalStore(accountsStore.subscribe, accountsStore.getSnapshot);
  const { status } = useSyncExternalStore(vaultStore.subscribe, vaultStore.getSnapshot);
  const toast = useToast();

  useEffect(() => reportActivity(), []);

  const added = ({ account, warnings }: AddedAccount) => {
    const note = warnings.length > 0 ? ` — ${warnings.join(' ')}` : '';
    // A warning deserves time to read: it stays until dismissed or 8 s.
    toast(
      `Added ${accountLabel(account)}${note}`,
      'info',
      note ? { label: 'OK', ms: 8000, run: () => {} } : undefined,
    );
    setScreen('codes');
    void accountsStore.reload();
  };

  return (
    <>
      <header className="app-header">
        <AppTitle />
        {screen === 'codes' && (
          <nav className="header-actions" aria-label="Main">
            {state.accounts.length > 0 && (
              <button type="button" className="primary" onClick={() => setScreen('add')}>
                Add account
              </button>
            )}
            <button type="button" className="secondary" onClick={() => setScreen('backup')}>
              Backup
            </button>
            <button type="button" className="secondary" onClick={() => setScreen('settings')}>
              Settings
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void latchkey['vault:lock']({})}
            >
              Lock
            </button>
          </nav>
        )}
      </header>
      <main>
        {screen === 'add' && (
          <AddAccount
            onAdded={added}
            onScanned={() => {
              setScreen('codes');
              void accountsStore.reload();
            }}
            onCancel={() => setScreen('codes')}
          />
        )}
        {screen === 'settings' && status && (
          <Settings status={status} onClose={() => setScreen('codes')} />
        )}
        {screen === 'backup' && status && (
          <Backup status={status} accounts={state.accounts} onClose={() => setScreen('codes')} />
        )}
        {screen === 'codes' && (
          <BackupReminder accounts={state.accounts} onOpen={() => setScreen('backup')} />
        )}
        {screen === 'codes' && <CodeList state={state} onAdd={() => setScreen('add')} />}
      </main>
    </>
  );
}

function Gate() {
  const { status, lockReason } = useSyncExternalStore(vaultStore.subscribe, vaultStore.getSnapshot);
  useEffect(() => {
    vaultStore.start();
    accountsStore.start();
  }, []);
  if (!status) return null;
  if (status.state === 'unlocked') return <Unlocked />;
  return (
    <>
      <header className="app-header">
        <AppTitle />
      </header>
      <main>
        {status.state === 'absent' ? (
          <Setup status={status} />
        ) : (
          <Unlock status={status} lockReason={lockReason} />
        )}
      </main>
    </>
  );
}

export function App() {
  return (
    <ToastProvider>
      <div className="app">
        <Gate />
      </div>
    </ToastProvider>
  );
}
