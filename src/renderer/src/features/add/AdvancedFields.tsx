import type { HashAlgorithm, OtpType } from '../../../../shared/account';
import { Field, type ControlProps } from '../../ui/Field';
import type { ManualFormState, SetField } from './manual-entry';

interface Props {
  readonly form: ManualFormState;
  readonly set: SetField;
  readonly errors: Readonly<Record<string, string>>;
}

/** Type, algorithm, digits, period or counter: folded away, as most services use the defaults. */
export function AdvancedFields({ form, set, errors }: Props) {
  const number = (key: 'digits' | 'period' | 'counter', min: number, max?: number) =>
    function NumberInput(control: ControlProps) {
      return (
        <input
          {...control}
          name={key}
          type="number"
          min={min}
          max={max}
          value={form[key]}
          onChange={(e) => set(key, e.target.value)}
        />
      );
    };
  return (
    <details className="advanced">
      <summary>Advanced</summary>
      <Field label="Type" error={errors.type}>
        {(control) => (
          <select
            {...control}
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
            {(control) => (
              <select
                {...control}
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
            {number('digits', 6, 10)}
          </Field>
        </>
      )}
      {form.type === 'totp' && (
        <Field label="Period (seconds)" error={errors.period}>
          {number('period', 1, 3600)}
        </Field>
      )}
      {form.type === 'hotp' && (
        <Field label="Counter" error={errors.counter}>
          {number('counter', 0)}
        </Field>
      )}
    </details>
  );
}
