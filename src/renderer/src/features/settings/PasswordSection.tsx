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
import { PasswordField } from '../../ui/PasswordField';
import { Section } from '../../ui/Section';
import { useToast } from '../../ui/Toast';
import { vaultStore } from '../vault/vault-store';

/** Set, change or remove the password (removing needs the keychain as the other way in). */
export function PasswordSection({ status }: { status: VaultStatusView }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassword>(emptyNewPassword);
  const toast = useToast();
  const has = status.slots.password;
  const done = (message: string) => (view: VaultStatusView) => {
    vaultStore.setStatus(view);
    setCurrent('');
    setNext(emptyNewPassword);
    toast(message);
  };
  const set = useBridgeAction(latchkey['security:set-password'], {
    onSuccess: done(has ? 'Password changed' : 'Password set'),
  });
  const remove = useBridgeAction(latchkey['security:remove-password'], {
    onSuccess: done('Password removed'),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = newPasswordProblem(next, has ? 'new password' : 'password');
    if (problem) return set.fail(problem);
    void set.run({ newPassword: next.password, ...(has && { currentPassword: current }) });
  };

  return (
    <Section title={has ? 'Password' : 'Set a password'}>
      <form className="stack" onSubmit={submit} noValidate>
        {!has && (
          <p className="hint">
            A password opens your vault even if this computer’s keychain is lost.
          </p>
        )}
        {has && (
          <PasswordField
            label="Current password"
            value={current}
            onChange={setCurrent}
            autoComplete="current-password"
          />
        )}
        <NewPasswordFields
          value={next}
          onChange={setNext}
          label={has ? 'New password' : 'Password'}
          repeatLabel="Repeat the new password"
        />
        <ErrorText message={set.error ?? remove.error} testId="password-error" />
        <div className="form-actions">
          {has && status.slots.keychain && (
            <button
              type="button"
              className="secondary danger"
              disabled={current === '' || remove.busy}
              onClick={() => void remove.run({ currentPassword: current })}
            >
              Remove password
            </button>
          )}
          <button
            type="submit"
            className="primary"
            disabled={next.password === '' || (has && current === '') || set.busy}
          >
            {has ? 'Change password' : 'Set password'}
          </button>
        </div>
      </form>
    </Section>
  );
}
