import { useState, type FormEvent } from 'react';
import { latchkey } from '../../lib/bridge';
import { ErrorText } from '../../lib/ErrorText';
import { useBridgeAction } from '../../lib/use-bridge-action';
import { Field } from '../../ui/Field';
import { Section } from '../../ui/Section';
import { vaultStore } from '../vault/vault-store';

/** Erase everything, only after typing ERASE. */
export function EraseSection() {
  const [text, setText] = useState('');
  const erase = useBridgeAction(latchkey['security:erase-all'], {
    onSuccess: (view) => vaultStore.setStatus(view),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void erase.run({ confirmation: text });
  };
  return (
    <Section title="Erase all data">
      <form className="stack" onSubmit={submit} noValidate>
        <p className="hint">
          Deletes every account, the saved copies and this device’s key. Without a backup or an
          emergency kit, you will lose access to sites that ask for these codes.
        </p>
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
          <button
            type="submit"
            className="primary danger"
            disabled={text !== 'ERASE' || erase.busy}
          >
            Erase everything
          </button>
        </div>
      </form>
    </Section>
  );
}
