import type { ReactNode } from 'react';
import type { Account, CodeView } from '../../../../shared/account';
import { formatCode } from '../../lib/format';
import { CountdownRing } from './CountdownRing';
import { useNow } from '../../lib/clock';
import { useNearViewport } from '../../lib/visibility';
import { displayedCode } from './accounts-store';

interface Props {
  readonly account: Account;
  readonly view: CodeView | undefined;
  readonly onCopy: (account: Account) => void;
  readonly onNextHotp: (account: Account) => void;
  readonly editing: boolean;
  readonly onEdit: (account: Account) => void;
  readonly editor?: ReactNode;
}

/**
 * One account. Rows far from the viewport render as empty placeholders of the same height, so a
 * list of thousands of accounts shows its first codes at once and only visible countdowns tick.
 */
export function CodeRow({ account, view, onCopy, onNextHotp, editing, onEdit, editor }: Props) {
  const [ref, near] = useNearViewport<HTMLLIElement>();
  const live = near || editing;
  // One <li> in both states, so the observer keeps watching the same element.
  return (
    <li
      ref={ref}
      className={live ? 'code-row' : 'code-row code-row-placeholder'}
      data-testid={live ? 'account-row' : undefined}
      data-account-id={account.id}
      aria-hidden={live ? undefined : true}
    >
      {live && <RowContent {...{ account, view, onCopy, onNextHotp, editing, onEdit, editor }} />}
    </li>
  );
}

/** The visible part of a row: labels, the code, its countdown and the buttons. */
function RowContent({ account, view, onCopy, onNextHotp, editing, onEdit, editor }: Props) {
  const now = useNow();
  const shown = view ? displayedCode(view, now) : null;
  const title = account.issuer || account.name || 'Unnamed account';
  const subtitle = account.issuer ? account.name : '';
  return (
    <>
      <div className="code-meta">
        <span className="code-issuer" data-testid="issuer">
          {title}
        </span>
        {subtitle && (
          <span className="code-account" data-testid="account-name">
            {subtitle}
          </span>
        )}
        {account.recovery.total > 0 && account.recovery.unused <= 2 && (
          <span className="code-warning">{account.recovery.unused} recovery codes left</span>
        )}
      </div>
      <button
        type="button"
        className={`code-value code-${account.otp.type}`}
        data-testid="code"
        data-code={shown?.code ?? ''}
        aria-label={`Copy code for ${title}`}
        onClick={() => onCopy(account)}
      >
        {shown ? formatCode(shown.code) : '······'}
      </button>
      <div className="code-actions">
        {account.otp.type === 'hotp' ? (
          <button type="button" className="secondary small" onClick={() => onNextHotp(account)}>
            Next code
          </button>
        ) : (
          shown?.validUntil != null &&
          view?.period != null && (
            <CountdownRing remainingMs={shown.validUntil - now} periodMs={view.period * 1000} />
          )
        )}
        <button
          type="button"
          className="icon-button"
          aria-label={`Edit ${title}`}
          aria-expanded={editing}
          title="Edit"
          onClick={() => onEdit(account)}
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <path d="M4 20h4L19 9l-4-4L4 16z" />
          </svg>
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Copy ${title} code`}
          title="Copy code"
          onClick={() => onCopy(account)}
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <rect x="8" y="8" width="12" height="12" rx="2" />
            <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />
          </svg>
        </button>
      </div>
      {editing && editor}
    </>
  );
}
