import { useState } from 'react';
import type { Account } from '../../../../shared/account';
import { latchkey } from '../../lib/bridge';
import { useToast } from '../toast/Toast';
import { accountsStore, type AccountsState } from './accounts-store';
import { AccountEditor } from './AccountEditor';
import { CodeRow } from './CodeRow';

interface Props {
  readonly state: AccountsState;
  readonly onAdd: () => void;
}

export function CodeList({ state, onAdd }: Props) {
  const { accounts, codes } = state;
  const toast = useToast();
  const [editing, setEditing] = useState<string | null>(null);

  const move = async (from: number, to: number) => {
    const ids = accounts.map((a) => a.id);
    const [moved] = ids.splice(from, 1);
    ids.splice(to, 0, moved!);
    const result = await latchkey['accounts:reorder']({ ids });
    if (!result.ok) toast(result.error.message, 'error');
  };

  const copy = async (account: Account) => {
    const result = await latchkey['clipboard:copy-code']({ id: account.id });
    if (!result.ok) return toast(result.error.message, 'error');
    const { clearsAt } = result.value;
    toast(
      clearsAt
        ? `Code copied — cleared from the clipboard in ${Math.round((clearsAt - Date.now()) / 1000)} s`
        : 'Code copied',
    );
  };

  const nextHotp = async (account: Account) => {
    const result = await latchkey['codes:next-hotp']({ id: account.id });
    if (!result.ok) return toast(result.error.message, 'error');
    accountsStore.replaceCode(result.value);
  };

  if (!state.loaded) return null;
  if (accounts.length === 0) {
    return (
      <div className="empty">
        <h2>No accounts yet</h2>
        <p>When a website shows you a QR code or a setup key for two-step sign-in, add it here.</p>
        <button type="button" className="primary" onClick={onAdd}>
          Add account
        </button>
      </div>
    );
  }
  return (
    <ul className="code-list" aria-label="Accounts">
      {accounts.map((account, index) => (
        <CodeRow
          key={account.id}
          account={account}
          view={codes.get(account.id)}
          onCopy={(a) => void copy(a)}
          onNextHotp={(a) => void nextHotp(a)}
          editing={editing === account.id}
          onEdit={(a) => setEditing((current) => (current === a.id ? null : a.id))}
          editor={
            editing === account.id && (
              <AccountEditor
                account={account}
                index={index}
                count={accounts.length}
                onMove={(from, to) => void move(from, to)}
                onDone={() => setEditing(null)}
              />
            )
          }
        />
      ))}
    </ul>
  );
}
