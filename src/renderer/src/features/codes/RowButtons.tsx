import type { Account } from '../../../../shared/account';

interface Props {
  readonly account: Account;
  readonly title: string;
  readonly onNextHotp: (account: Account) => void;
  readonly onFavourite: (account: Account) => void;
  readonly onEdit: (account: Account) => void;
}

/** Next code (HOTP), the favourite star and Edit: reached with ←/→ from the row's code. */
export function RowButtons({ account, title, onNextHotp, onFavourite, onEdit }: Props) {
  return (
    <>
      {account.otp.type === 'hotp' && (
        <button
          type="button"
          className="secondary small"
          data-row-control
          tabIndex={-1}
          aria-label={`Next code for ${title}`}
          onClick={() => onNextHotp(account)}
        >
          Next code
        </button>
      )}
      <button
        type="button"
        className={`icon-button star${account.favorite ? ' on' : ''}`}
        data-row-control
        data-testid="favourite"
        tabIndex={-1}
        aria-pressed={account.favorite}
        aria-label={`Favourite: ${title}`}
        title={account.favorite ? 'Remove from favourites' : 'Add to favourites'}
        onClick={() => onFavourite(account)}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path d="M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z" />
        </svg>
      </button>
      <button
        type="button"
        className="icon-button"
        data-row-control
        data-focus-key={`edit-${account.id}`}
        tabIndex={-1}
        aria-label={`Edit ${title}`}
        title="Edit"
        onClick={() => onEdit(account)}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path d="M4 20h4L19 9l-4-4L4 16z" />
        </svg>
      </button>
    </>
  );
}
