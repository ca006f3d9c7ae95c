import { memo } from 'react';
import type { Account, CodeView } from '../../../../shared/account';
import { useNearViewport } from '../../lib/visibility';
import { useLiveCode } from './accounts-store';
import { RowContent } from './RowContent';

export interface RowProps {
  /** Prefix of the row's element id (the full list and the search results differ). */
  readonly idPrefix: string;
  readonly account: Account;
  readonly view: CodeView | undefined;
  /** The row's single tab stop (roving focus): only the active row's code is in the Tab order. */
  readonly active: boolean;
  /** Selected by ↑/↓ in the search box: Enter copies this one. */
  readonly selected: boolean;
  /** Newly added: rendered live, scrolled to and highlighted for a moment. */
  readonly fresh: boolean;
  readonly showNext: boolean;
  readonly onCopy: (account: Account) => void;
  readonly onNextHotp: (account: Account) => void;
  readonly onFavourite: (account: Account) => void;
  readonly onEdit: (account: Account) => void;
}

/**
 * One account. Rows far from the viewport render as empty placeholders of the same height, so a
 * list of thousands of accounts shows its first codes at once and only visible countdowns tick.
 */
export const CodeRow = memo(function CodeRow(props: RowProps) {
  const [ref, near] = useNearViewport<HTMLLIElement>();
  const live = near || props.active || props.fresh || props.selected;
  useLiveCode(props.account.id, live);
  const classes = ['code-row', !live && 'code-row-placeholder', props.selected && 'selected'];
  // One <li> in both states, so the observer keeps watching the same element.
  return (
    <li
      ref={ref}
      id={`${props.idPrefix}${props.account.id}`}
      className={[...classes, props.fresh && 'fresh'].filter(Boolean).join(' ')}
      data-testid={live ? 'account-row' : undefined}
      data-account-id={props.account.id}
      // Drag and drop reorders (custom order); the list decides whether a drop is accepted.
      draggable={live}
      aria-hidden={live ? undefined : true}
    >
      {live && <RowContent {...props} />}
    </li>
  );
});
