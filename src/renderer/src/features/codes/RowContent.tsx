import type { KeyboardEvent } from 'react';
import { formatCode } from '../../lib/format';
import { useNow } from '../../lib/clock';
import { displayedCode } from './accounts-store';
import { codeLabel } from './copy';
import { CountdownRing } from './CountdownRing';
import type { RowProps } from './CodeRow';
import { AccountTile } from './icons/AccountTile';
import { RowButtons } from './RowButtons';

/** ←/→ move between the row's controls; they are out of the Tab order (one stop per row). */
function moveWithinRow(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-row-control]')];
  const at = controls.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  event.preventDefault();
  const step = event.key === 'ArrowRight' ? 1 : -1;
  controls[(at + step + controls.length) % controls.length]?.focus();
}

/** The visible part of a row: tile, labels, the code, its countdown and the row's buttons. */
export function RowContent({ account, view, active, showNext, onCopy, ...rest }: RowProps) {
  const { onNextHotp, onFavourite, onEdit } = rest;
  const now = useNow();
  const shown = view ? displayedCode(view, now) : null;
  const title = account.issuer || account.name || 'Unnamed account';
  const subtitle = account.issuer ? account.name : '';
  const next = showNext && view?.next && shown?.code === view.code ? view.next.code : null;
  return (
    <div className="row-body" onKeyDown={moveWithinRow}>
      <AccountTile account={account} />
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
      <div className="code-cell">
        <button
          type="button"
          className={`code-value code-${account.otp.type}`}
          data-testid="code"
          data-row-control
          data-row-focus
          data-code={shown?.code ?? ''}
          tabIndex={active ? 0 : -1}
          aria-label={`${codeLabel(account, shown?.code ?? null)}. Copy`}
          onClick={() => onCopy(account)}
        >
          {shown ? formatCode(shown.code) : '······'}
        </button>
        {next && (
          <span className="code-next" data-testid="next-code">
            next {formatCode(next)}
          </span>
        )}
      </div>
      <div className="code-actions">
        {account.otp.type !== 'hotp' && shown?.validUntil != null && view?.period != null && (
          <CountdownRing remainingMs={shown.validUntil - now} periodMs={view.period * 1000} />
        )}
        <RowButtons account={account} title={title} {...{ onNextHotp, onFavourite, onEdit }} />
      </div>
    </div>
  );
}
