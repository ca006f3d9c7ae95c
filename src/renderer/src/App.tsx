import { useCallback, useEffect, useState } from 'react';
import { accountLabel, type Account } from '../../shared/account';
import { AddAccount } from './features/add/AddAccount';
import { CodeList } from './features/codes/CodeList';
import { ToastProvider, useToast } from './features/toast/Toast';
import { latchkey } from './lib/bridge';

type Screen = 'codes' | 'add';

function Shell() {
  const [screen, setScreen] = useState<Screen>('codes');
  const [accounts, setAccounts] = useState<readonly Account[]>([]);
  const [version, setVersion] = useState(0);
  const toast = useToast();

  const reload = useCallback(async () => {
    const result = await latchkey['accounts:list']({});
    if (result.ok) {
      setAccounts(result.value);
      setVersion((v) => v + 1);
    }
  }, []);

  useEffect(() => {
    void reload();
    return latchkey.on('accounts-changed', () => void reload());
  }, [reload]);

  const added = (account: Account) => {
    toast(`Added ${accountLabel(account)}`);
    setScreen('codes');
    void reload();
  };

  return (
    <div className="app">
      <header className="app-header">
        <h1>
          <span className="logo" aria-hidden="true">◆</span> Latchkey
        </h1>
        {screen === 'codes' && accounts.length > 0 && (
          <button type="button" className="primary" onClick={() => setScreen('add')}>
            Add account
          </button>
        )}
      </header>
      <main>
        {screen === 'add' ? (
          <AddAccount onAdded={added} onCancel={() => setScreen('codes')} />
        ) : (
          <CodeList accounts={accounts} accountsVersion={version} onAdd={() => setScreen('add')} />
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
