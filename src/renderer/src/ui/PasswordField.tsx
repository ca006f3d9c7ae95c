import { useState } from 'react';
import { Field } from './Field';

interface Props {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly autoComplete: 'current-password' | 'new-password';
  readonly error?: string | null;
  readonly autoFocus?: boolean;
}

/** A password input with a show/hide toggle and its error linked for screen readers. */
export function PasswordField({ label, value, onChange, autoComplete, error, autoFocus }: Props) {
  const [visible, setVisible] = useState(false);
  return (
    <Field label={label} error={error}>
      {(control) => (
        <div className="password-row">
          <input
            {...control}
            type={visible ? 'text' : 'password'}
            value={value}
            autoComplete={autoComplete}
            spellCheck={false}
            autoFocus={autoFocus}
            onChange={(e) => onChange(e.target.value)}
          />
          <button
            type="button"
            className="secondary small"
            aria-pressed={visible}
            onClick={() => setVisible((v) => !v)}
          >
            {visible ? 'Hide' : 'Show'}
          </button>
        </div>
      )}
    </Field>
  );
}
