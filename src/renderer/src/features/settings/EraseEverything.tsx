import { useState, type FormEvent } from 'react';
import { latchkey } from '../../lib/bridge';
import { ErrorText } from '../../lib/ErrorText';
import { useBridgeAction, useBridgeValue } from '../../lib/use-bridge-action';
import { Field } from '../../ui/Field';
import { vaultStore } from '../vault/vault-store';
import './settings.css';

/**
 * Erase everything: names exactly what will be deleted (main lists the files as they are now),
 * then only after typing ERASE. Works locked too: it is the way out of a forgotten password.
 */
export function EraseEverything() {
  const [text, setText] = useState('');
  const [plan] = useBridgeValue(() => latchkey['security:erase-plan']({}));
  const erase = useBridgeAction(latchkey['security:erase-all'], {
    onSuccess: (view) => vaultStore.setStatus(view),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void erase.run({ confirmation: text });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p className="hint">
        Deletes every account and cannot be undone. Without a backup or an emergency kit, you will
        lose access to sites that ask for these codes. This deletes:
      </p>
      {/* A scrolling list must be reachable by keyboard (WCAG 2.1.1), so it takes focus. */}
      <ul
        className="erase-plan"
        data-testid="erase-plan"
        tabIndex={0}
        aria-label="What will be deleted"
      >
        {plan?.paths.map((path) => (
          <li key={path}>
            <code>{path}</code>
          </li>
        ))}
        {plan?.keychainEntry && (
          <li>
            this computer’s keychain entry <code>{plan.keychainEntry}</code>
          </li>
        )}
      </ul>
      <p className="hint">Automatic backup copies in a folder you chose are not deleted.</p>
      <Field label="Type ERASE to confirm">
        {(control) => (
          <input
            {...control}
            value={text}
            autoComplete="off"
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <ErrorText message={erase.error} />
      <div className="form-actions">
        <button type="submit" className="primary danger" disabled={text !== 'ERASE' || erase.busy}>
          Erase everything
        </button>
      </div>
    </form>
  );
}
