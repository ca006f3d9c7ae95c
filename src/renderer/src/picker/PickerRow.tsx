import type { Account } from '../../../shared/account';
import { formatCode } from '../lib/format';

interface Props {
  readonly account: Account;
  readonly code: string | null;
  readonly selected: boolean;
  readonly onPick: () => void;
}

/** One match: who it is for and its current code. The search field keeps focus (combobox). */
export function PickerRow({ account, code, selected, onPick }: Props) {
  return (
    <li
      id={`picker-option-${account.id}`}
      role="option"
      aria-selected={selected}
      className={`picker-row${selected ? ' selected' : ''}`}
      data-testid="picker-row"
      onMouseDown={(e) => e.preventDefault()}
      onClick={onPick}
    >
      <span className="picker-label">
        <strong>{account.issuer || account.name || 'Unnamed account'}</strong>
        {account.issuer && account.name && <span className="picker-name">{account.name}</span>}
      </span>
      <span className="picker-code" data-code={code ?? ''}>
        {code ? formatCode(code) : '…'}
      </span>
    </li>
  );
}
