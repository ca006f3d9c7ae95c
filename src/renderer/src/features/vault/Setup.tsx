import type { FormEvent } from 'react';
import type { VaultStatusView } from '../../../../shared/bridge';
import { ErrorText } from '../../lib/ErrorText';
import { NewPasswordFields } from '../../ui/NewPasswordFields';
import { Screen } from '../../ui/Screen';
import { NoKeychainNotice } from './NoKeychainNotice';
import { OpenMethodChoices } from './OpenMethodChoices';
import { useCreateVault } from './use-create-vault';

/** First run: the user chooses how Latchkey opens. Nothing is stored until they confirm. */
export function Setup({ status }: { status: VaultStatusView }) {
  const keychain = status.keychainAvailable;
  const setup = useCreateVault(status);
  const { needsPassword, busy } = setup;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setup.create();
  };

  return (
    <Screen title="Welcome to Latchkey">
      <p className="lead">
        Your two-step sign-in codes will be kept in an encrypted vault on this computer. How should
        Latchkey open it?
      </p>
      {!keychain && <NoKeychainNotice />}
      <form className="card" onSubmit={submit} noValidate>
        <OpenMethodChoices current={setup.method} onChange={setup.setMethod} keychain={keychain} />
        {needsPassword && (
          <>
            <NewPasswordFields value={setup.password} onChange={setup.setPassword} />
            <p className="hint">
              At least 8 characters. A few unrelated words make a strong password that is easy to
              type.
            </p>
          </>
        )}
        <ErrorText message={setup.error} testId="setup-error" />
        <div className="form-actions">
          <button
            type="submit"
            className="primary"
            disabled={busy || (needsPassword && setup.password.password === '')}
          >
            {busy ? 'Creating…' : 'Create vault'}
          </button>
        </div>
      </form>
    </Screen>
  );
}
