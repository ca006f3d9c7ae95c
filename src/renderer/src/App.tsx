import { useEffect, useState, useSyncExternalStore } from 'react';
import { accountLabel, type Account } from '../../shared/account';
import { AddAccount } from './features/add/AddAccount';
import { accountsStore } from './features/codes/accounts-store';
import { CodeList } from './features/codes/CodeList';
import { ToastProvider, useToast } from './features/toast/Toast';

type Screen = 'codes' | 'add';

function Shell() {
  const [screen, setScreen] = useState<Screen>('codes');
  const state = useSyncExternalStore(accountsStore.subscribe, accountsStore.getSnapshot);
  const toast = useToast();

  useEffect(() => accountsStore.start(), []);

  const added = (account: Account) => {
    toast(`Added ${accountLabel(account)}`);
    setScreen('codes');
    void accountsStore.reload();
  };

  return (
    <div className="app">
      <header className="app-header">
        <h1>
          <span className="logo" aria-hidden="true">
            ◆
          </span>{' '}
          Latchkey
        </h1>
        {screen === 'codes' && state.accounts.length > 0 && (
          <button type="button" className="primary" onClick={() => setScreen('add')}>
            Add account
          </button>
        )}
      </header>
      <main>
        {screen === 'add' ? (
          <AddAccount onAdded={added} onCancel={() => setScreen('codes')} />
        ) : (
          <CodeList state={state} onAdd={() => setScreen('add')} />
        )}
      </main>
    </div>
  );
}

export function App() {
  return (
    <ToastProvider>
      <Shell />
    </ToastProvider>
  );
}
