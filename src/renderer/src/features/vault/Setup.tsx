import { useState, type FormEvent } from 'react';
import type { VaultStatusView } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { ErrorText } from '../../lib/ErrorText';
import { useBridgeAction } from '../../lib/use-bridge-action';
import {
  emptyNewPassword,
  newPasswordProblem,
  NewPasswordFields,
  type NewPassword,
} from '../../ui/NewPasswordFields';
import { Notice } from '../../ui/Notice';
import { Screen } from '../../ui/Screen';
import { vaultStore } from './vault-store';

type Choice = 'both' | 'keychain' | 'password';

/** First run: the user chooses how Latchkey opens. Nothing is stored until they confirm. */
export function Setup({ status }: { status: VaultStatusView }) {
  const keychain = status.keychainAvailable;
  const [choice, setChoice] = useState<Choice>(keychain ? 'both' : 'password');
  const [password, setPassword] = useState<NewPassword>(emptyNewPassword);
  const needsPassword = choice !== 'keychain';
  const create = useBridgeAction(latchkey['vault:create'], {
    onSuccess: (status) => vaultStore.setStatus(status),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = needsPassword ? newPasswordProblem(password) : null;
    if (problem) return create.fail(problem);
    void create.run({
      keychain: choice !== 'password',
      ...(needsPassword && { password: password.password }),
    });
  };

  return (
    <Screen title="Welcome to Latchkey">
      <p className="lead">
        Your two-step sign-in codes will be kept in an encrypted vault on this computer. How should
        Latchkey open it?
      </p>
      {!keychain && (
        <Notice role="note" testId="no-keychain">
          <strong>This computer’s keychain is not available.</strong> Latchkey could not reach a
          Secret Service (such as GNOME Keyring or KWallet), or its keyring is locked, so it cannot
          open automatically. Choose a password instead. To use the keychain later, install or start
          GNOME Keyring or KWallet, then turn on “Open automatically” in Settings.
        </Notice>
      )}
      <form className="card" onSubmit={submit} noValidate>
        <fieldset className="choices">
          <legend>Open Latchkey</legend>
          <Choice
            value="both"
            current={choice}
            onChange={setChoice}
            disabled={!keychain}
            title="Automatically on this device, with a password as a backup (recommended)"
          >
            Opens without asking on this computer; the password still opens your vault if the
            keychain is lost or you restore a backup elsewhere.
          </Choice>
          <Choice
            value="keychain"
            current={choice}
            onChange={setChoice}
            disabled={!keychain}
            title="Automatically on this device only"
          >
            Nothing to remember, but if this computer’s keychain is reset, the vault cannot be
            opened. Keep a printed emergency kit.
          </Choice>
          <Choice
            value="password"
            current={choice}
            onChange={setChoice}
            title="With a password every time"
          >
            Latchkey asks for your password whenever it opens or locks.
          </Choice>
        </fieldset>
        {needsPassword && (
          <>
            <NewPasswordFields value={password} onChange={setPassword} />
            <p className="hint">
              At least 8 characters. A few unrelated words make a strong password that is easy to
              type.
            </p>
          </>
        )}
        <ErrorText message={create.error} testId="setup-error" />
        <div className="form-actions">
          <button
            type="submit"
            className="primary"
            disabled={create.busy || (needsPassword && password.password === '')}
          >
            {create.busy ? 'Creating…' : 'Create vault'}
          </button>
        </div>
      </form>
    </Screen>
  );
}

function Choice(props: {
  value: Choice;
  current: Choice;
  onChange: (c: Choice) => void;
  disabled?: boolean;
  title: string;
  children: string;
}) {
  const id = `choice-${props.value}`;
  return (
    <div className={`choice${props.disabled ? ' choice-disabled' : ''}`}>
      <input
        type="radio"
        id={id}
        name="open-method"
        value={props.value}
        checked={props.current === props.value}
        disabled={props.disabled}
        aria-describedby={`${id}-hint`}
        onChange={() => props.onChange(props.value)}
      />
      <label htmlFor={id}>{props.title}</label>
      <p id={`${id}-hint`} className="hint">
        {props.children}
      </p>
    </div>
  );
}
