import { memo, type FocusEvent, type KeyboardEvent, type Ref } from 'react';
import type { Account, AccountId, CodeView } from '../../../../shared/account';
import { CodeRow } from './CodeRow';
import { useFirstScreenful } from './first-screenful';

interface Props {
  readonly id: string;
  readonly label: string;
  readonly accounts: readonly Account[];
  readonly codes: ReadonlyMap<AccountId, CodeView>;
  readonly activeId: string | null;
  readonly selectedId: string | null;
  readonly fresh: ReadonlySet<string>;
  readonly showNext: boolean;
  readonly listRef?: Ref<HTMLUListElement>;
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  readonly onFocus: (event: FocusEvent<HTMLElement>) => void;
  readonly actions: {
    readonly onCopy: (a: Account) => void;
    readonly onNextHotp: (a: Account) => void;
    readonly onFavourite: (a: Account) => void;
  };
  readonly onEdit: (a: Account) => void;
}

/**
 * A list of account rows. Memoised: while the user types a search, the full list keeps its
 * props (it is hidden around it), so it costs nothing per keystroke.
 */
export const AccountRows = memo(function AccountRows(props: Props) {
  const { accounts, codes, actions } = props;
  const shown = useFirstScreenful(accounts);
  return (
    <ul
      className="code-list"
      id={props.id}
      aria-label={props.label}
      ref={props.listRef}
      onKeyDown={props.onKeyDown}
      onFocus={props.onFocus}
    >
      {shown.map((account) => (
        <CodeRow
          key={account.id}
          idPrefix={`${props.id}-`}
          account={account}
          view={codes.get(account.id)}
          active={account.id === props.activeId}
          selected={account.id === props.selectedId}
          fresh={props.fresh.has(account.id)}
          showNext={props.showNext}
          onCopy={actions.onCopy}
          onNextHotp={actions.onNextHotp}
          onFavourite={actions.onFavourite}
          onEdit={props.onEdit}
        />
      ))}
    </ul>
  );
});
