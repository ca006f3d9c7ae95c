import type { Account } from '../../../../shared/account';

interface Props {
  readonly accounts: readonly Account[];
  readonly excluded: ReadonlySet<string>;
  readonly onChange: (excluded: ReadonlySet<string>) => void;
}

/** A folded list of every account, each ticked unless the user leaves it out. */
export function AccountPicker({ accounts, excluded, onChange }: Props) {
  const toggle = (id: string) => {
    const next = new Set(excluded);
    if (!next.delete(id)) next.add(id);
    onChange(next);
  };
  return (
    <details>
      <summary>
        Accounts ({accounts.length - excluded.size} of {accounts.length})
      </summary>
      <ul className="plain-list">
        {accounts.map((a) => (
          <li key={a.id}>
            <label className="inline">
              <input type="checkbox" checked={!excluded.has(a.id)} onChange={() => toggle(a.id)} />{' '}
              {a.issuer || a.name} {a.issuer && a.name && <span className="hint">{a.name}</span>}
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}
