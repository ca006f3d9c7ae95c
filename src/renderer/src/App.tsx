import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { accountLabel } from '../../shared/account';
import type { AddedAccount } from '../../shared/bridge';
import type { StagingView } from '../../shared/staging';
import { AddAccount, type AddMode } from './features/add/AddAccount';
import { EmptyState } from './features/add/EmptyState';
import { Backup } from './features/backup/Backup';
import { BackupReminder } from './features/backup/BackupReminder';
import { accountsStore } from './features/codes/accounts-store';
import { CodeList } from './features/codes/CodeList';
import { useOpenedLinks } from './features/links/link-inbox';
import { scanSession } from './features/scan/scan-session';
import './features/codes/codes.css';
import { Settings } from './features/settings/Settings';
import { Setup } from './features/vault/Setup';
import { Unlock } from './features/vault/Unlock';
import { vaultStore } from './features/vault/vault-store';
import { reportActivity } from './lib/activity';
import { latchkey } from './lib/bridge';
import { useScreens } from './lib/use-screens';
import { ShortcutsSheet } from './ui/ShortcutsSheet';
import { ToastProvider, ToastRegion, useToast } from './ui/Toast';

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

function MainNav({ canAdd, open }: { canAdd: boolean; open: (screen: Screen) => void }) {
  return (
    <nav className="header-actions" aria-label="Main">
      {canAdd && (
        <button
          type="button"
          className="primary"
          data-focus-key="nav-add"
          onClick={() => open('add')}
        >
          Add account
        </button>
      )}
      <button
        type="button"
        className="secondary"
        data-focus-key="nav-backup"
        onClick={() => open('backup')}
      >
        Backup
      </button>
      <button
        type="button"
        className="secondary"
        data-focus-key="nav-settings"
        onClick={() => open('settings')}
      >
        Settings
      </button>
      <button type="button" className="secondary" onClick={() => void latchkey['vault:lock']({})}>
        Lock
      </button>
    </nav>
  );
}

function Unlocked() {
  const { screen, open, close } = useScreens<Screen>('codes');
  const [addMode, setAddMode] = useState<AddMode>('scan');
  const state = useSyncExternalStore(accountsStore.subscribe, accountsStore.getSnapshot);
  const { status } = useSyncExternalStore(vaultStore.subscribe, vaultStore.getSnapshot);
  const toast = useToast();
  useEffect(() => reportActivity(), []);

  const openAdd = (mode: AddMode) => {
    setAddMode(mode);
    open('add');
  };
  // A link from the browser goes to the same confirmation screen as a scan.
  useOpenedLinks(
    useCallback(
      (view: StagingView) => {
        scanSession.showStaging(view);
        setAddMode('scan');
        open('add');
      },
      [open],
    ),
  );
  const added = ({ account, warnings }: AddedAccount) => {
    const note = warnings.length > 0 ? ` — ${warnings.join(' ')}` : '';
    // A warning deserves time to read: it stays until dismissed or 8 s.
    const action = note ? { label: 'OK', ms: 8000, run: () => {} } : undefined;
    toast(`Added ${accountLabel(account)}${note}`, 'info', action);
    close();
    void accountsStore.reload();
  };
  const empty = state.loaded && state.accounts.length === 0;

  return (
    <>
      <header className="app-header">
        <AppTitle />
        {screen === 'codes' && (
          <MainNav canAdd={!empty} open={(s) => (s === 'add' ? openAdd('scan') : open(s))} />
        )}
      </header>
      <main className="app-main">
        <div className="app-content">
          {screen === 'add' && (
            <AddAccount
              initialMode={addMode}
              onAdded={added}
              onScanned={() => {
                close();
                void accountsStore.reload();
              }}
              onCancel={close}
            />
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
        </div>
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
      <main className="app-main">
        <div className="app-content">
          {status.state === 'absent' ? (
            <Setup status={status} />
          ) : (
            <Unlock status={status} lockReason={lockReason} />
          )}
        </div>
      </main>
    </>
  );
}

export function App() {
  return (
    <ToastProvider>
      <div className="app">
        <Gate />
        <ToastRegion />
      </div>
      <ShortcutsSheet />
    </ToastProvider>
  );
}
