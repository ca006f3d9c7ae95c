import type { Account } from '../../../../../shared/account';

const TYPE_NAMES = {
  totp: 'Time-based (TOTP)',
  hotp: 'Counter-based (HOTP)',
  steam: 'Steam Guard',
};

/** The account's code settings, which only the service can change (read-only). */
export function AccountDetails({ account }: { account: Account }) {
  const { otp } = account;
  return (
    <dl className="details" data-testid="account-details">
      <dt>Type</dt>
      <dd>{TYPE_NAMES[otp.type]}</dd>
      <dt>Algorithm</dt>
      <dd>{otp.algorithm}</dd>
      <dt>Digits</dt>
      <dd>{otp.digits}</dd>
      {otp.type === 'hotp' ? (
        <>
          <dt>Counter</dt>
          <dd>{otp.counter}</dd>
        </>
      ) : (
        <>
          <dt>Period</dt>
          <dd>{otp.period} s</dd>
        </>
      )}
    </dl>
  );
}
