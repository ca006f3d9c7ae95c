import { EraseEverything } from '../settings/EraseEverything';

/** The way out of a forgotten password while locked: start over, after naming what goes. */
export function ForgotPassword() {
  return (
    <details className="card" data-testid="forgot-password">
      <summary>Forgot your password?</summary>
      <p className="hint">
        Nobody can recover it, not even Latchkey. You can restore your accounts from a backup or an
        emergency kit after erasing this vault and starting again.
      </p>
      <EraseEverything />
    </details>
  );
}
