import { useState, type FormEvent } from 'react';
import type { AddedAccount } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { ErrorText } from '../../lib/ErrorText';
import { useBridgeAction } from '../../lib/use-bridge-action';
import { Field } from '../../ui/Field';
import { AdvancedFields } from './AdvancedFields';
import { DuplicateChoice } from './DuplicateChoice';
import { errorField } from './field-error';
import {
  initialManualForm,
  toManualEntry,
  type ManualFormState,
  type SetField,
} from './manual-entry';

/** Type the setup key a service shows under its QR code; the rest has sensible defaults. */
export function ManualForm({ onAdded }: { onAdded: (added: AddedAccount) => void }) {
  const [form, setForm] = useState<ManualFormState>(initialManualForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set: SetField = (key, value) => setForm((f) => ({ ...f, [key]: value }));
  const add = useBridgeAction(latchkey['accounts:add-manual'], {
    // Main names the field it refused (details.field), so the message sits under that field.
    // A key already in the vault is a choice (DuplicateChoice), not a field error.
    onError: (error) =>
      error.code !== 'accounts.duplicate' && setErrors({ [errorField(error)]: error.message }),
    onSuccess: (added) => {
      setErrors({});
      setForm(initialManualForm);
      onAdded(added);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    void add.run(toManualEntry(form));
  };

  return (
    <form className="card" noValidate onSubmit={submit} aria-label="Add with a setup key">
      <Field label="Service (issuer)" error={errors.issuer}>
        {(control) => (
          <input
            {...control}
            name="issuer"
            value={form.issuer}
            onChange={(e) => set('issuer', e.target.value)}
            placeholder="Example Inc."
          />
        )}
      </Field>
      <Field label="Account" error={errors.name}>
        {(control) => (
          <input
            {...control}
            name="name"
            value={form.name}
            onChange={(e) => set('name', e.target.value)}
            placeholder="you@example.com"
          />
        )}
      </Field>
      <Field label="Setup key" error={errors.secret}>
        {(control) => (
          <input
            {...control}
            name="secret"
            value={form.secret}
            onChange={(e) => set('secret', e.target.value)}
            placeholder="JBSW Y3DP EHPK 3PXP"
            spellCheck={false}
            autoComplete="off"
            required
          />
        )}
      </Field>
      <AdvancedFields form={form} set={set} errors={errors} />
      <ErrorText message={errors.form} />
      <DuplicateChoice
        error={add.errorInfo}
        onKeepBoth={() => void add.run({ ...toManualEntry(form), keepDuplicate: true })}
        onCancel={() => add.fail(null)}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={add.busy}>
          Add account
        </button>
      </div>
    </form>
  );
}
