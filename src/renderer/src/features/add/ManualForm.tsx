import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { HashAlgorithm, OtpType } from '../../../../shared/account';
import type { AddedAccount, ManualEntry } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { errorField } from './field-error';
import { ErrorText } from '../../lib/ErrorText';
import type { ErrorInfo } from '../../../../shared/errors';
import { DuplicateChoice } from './DuplicateChoice';

interface FormState {
  issuer: string;
  name: string;
  secret: string;
  type: OtpType;
  algorithm: HashAlgorithm;
  digits: string;
  period: string;
  counter: string;
}

const initial: FormState = {
  issuer: '',
  name: '',
  secret: '',
  type: 'totp',
  algorithm: 'SHA1',
  digits: '6',
  period: '30',
  counter: '0',
};

/** Type the setup key a service shows under its QR code; the rest has sensible defaults. */
export function ManualForm({ onAdded }: { onAdded: (added: AddedAccount) => void }) {
  const [form, setForm] = useState<FormState>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [duplicate, setDuplicate] = useState<ErrorInfo | null>(null);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent | null, keepDuplicate = false) => {
    event?.preventDefault();
    const entry: ManualEntry = {
      ...(keepDuplicate && { keepDuplicate }),
      issuer: form.issuer.trim(),
      name: form.name.trim(),
      secret: form.secret,
      type: form.type,
      ...(form.type !== 'steam' && { algorithm: form.algorithm, digits: Number(form.digits) }),
      ...(form.type === 'totp' && { period: Number(form.period) }),
      ...(form.type === 'hotp' && { counter: Number(form.counter) }),
    };
    setBusy(true);
    const result = await latchkey['accounts:add-manual'](entry);
    setBusy(false);
    setDuplicate(result.ok || result.error.code !== 'accounts.duplicate' ? null : result.error);
    if (!result.ok && result.error.code === 'accounts.duplicate') return setErrors({});
    if (!result.ok) return setErrors({ [errorField(result.error)]: result.error.message });
    setErrors({});
    setForm(initial);
    onAdded(result.value);
  };

  return (
    <form
      className="card"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-label="Add with a setup key"
    >
      <Field label="Service (issuer)" error={errors.issuer}>
        {(props) => (
          <input
            {...props}
            name="issuer"
            value={form.issuer}
            onChange={(e) => set('issuer', e.target.value)}
            placeholder="Example Inc."
          />
        )}
      </Field>
      <Field label="Account" error={errors.name}>
        {(props) => (
          <input
            {...props}
            name="name"
            value={form.name}
            onChange={(e) => set('name', e.target.value)}
            placeholder="you@example.com"
          />
        )}
      </Field>
      <Field label="Setup key" error={errors.secret}>
        {(props) => (
          <input
            {...props}
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
      <details className="advanced">
        <summary>Advanced</summary>
        <Field label="Type" error={errors.type}>
          {(props) => (
            <select
              {...props}
              name="type"
              value={form.type}
              onChange={(e) => set('type', e.target.value as OtpType)}
            >
              <option value="totp">Time-based (TOTP)</option>
              <option value="hotp">Counter-based (HOTP)</option>
              <option value="steam">Steam Guard</option>
            </select>
          )}
        </Field>
        {form.type !== 'steam' && (
          <>
            <Field label="Algorithm" error={errors.algorithm}>
              {(props) => (
                <select
                  {...props}
                  name="algorithm"
                  value={form.algorithm}
                  onChange={(e) => set('algorithm', e.target.value as HashAlgorithm)}
                >
                  <option value="SHA1">SHA-1 (most services)</option>
                  <option value="SHA256">SHA-256</option>
                  <option value="SHA512">SHA-512</option>
                </select>
              )}
            </Field>
            <Field label="Digits" error={errors.digits}>
              {(props) => (
                <input
                  {...props}
                  name="digits"
                  type="number"
                  min={6}
                  max={10}
                  value={form.digits}
                  onChange={(e) => set('digits', e.target.value)}
                />
              )}
            </Field>
          </>
        )}
        {form.type === 'totp' && (
          <Field label="Period (seconds)" error={errors.period}>
            {(props) => (
              <input
                {...props}
                name="period"
                type="number"
                min={1}
                max={3600}
                value={form.period}
                onChange={(e) => set('period', e.target.value)}
              />
            )}
          </Field>
        )}
        {form.type === 'hotp' && (
          <Field label="Counter" error={errors.counter}>
            {(props) => (
              <input
                {...props}
                name="counter"
                type="number"
                min={0}
                value={form.counter}
                onChange={(e) => set('counter', e.target.value)}
              />
            )}
          </Field>
        )}
      </details>
      <ErrorText message={errors.form} />
      <DuplicateChoice
        error={duplicate}
        onKeepBoth={() => void submit(null, true)}
        onCancel={() => setDuplicate(null)}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Add account
        </button>
      </div>
    </form>
  );
}

interface FieldProps {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** A labelled control with its error message right under it, linked for screen readers. */
function Field({
  label,
  error,
  children,
}: {
  label: string;
  error?: string;
  children: (props: FieldProps) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(error && { 'aria-invalid': true, 'aria-describedby': errorId }) })}
      <ErrorText message={error} id={errorId} testId="field-error" />
    </div>
  );
}
