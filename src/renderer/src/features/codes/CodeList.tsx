import type { Account } from '../../../../shared/account';
import { latchkey } from '../../lib/bridge';
import { useToast } from '../toast/Toast';
import { useNow } from '../../lib/clock';
import { accountsStore, type AccountsState } from './accounts-store';
import { CodeRow } from './CodeRow';

interface Props {
  readonly state: AccountsState;
  readonly onAdd: () => void;
}

export function CodeList({ state, onAdd }: Props) {
  const { accounts, codes } = state;
  const now = useNow();
  const toast = useToast();

  const copy = async (account: Account) => {
    const result = await latchkey['clipboard:copy-code']({ id: account.id });
    if (!result.ok) return toast(result.error.message, 'error');
    const { clearsAt } = result.value;
    toast(clearsAt ? `Code copied — cleared from the clipboard in ${Math.round((clearsAt - Date.now()) / 1000)} s` : 'Code copied');
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
      {accounts.map((account) => (
        <CodeRow
          key={account.id}
          account={account}
          view={codes.get(account.id)}
          now={now}
          onCopy={(a) => void copy(a)}
          onNextHotp={(a) => void nextHotp(a)}
        />
      ))}
    </ul>
  );
}
