import { useId, type ReactNode } from 'react';
import { ErrorText } from '../lib/ErrorText';

/** What a control needs to be labelled and described by its field. */
export interface ControlProps {
  readonly id: string;
  readonly 'aria-invalid'?: boolean;
  readonly 'aria-describedby'?: string;
}

interface Props {
  readonly label: string;
  readonly error?: string | null | undefined;
  readonly hint?: ReactNode;
  readonly children: (props: ControlProps) => ReactNode;
}

/** A labelled control with its hint and error right under it, both linked for screen readers. */
export function Field({ label, error, hint, children }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error && errorId, hint && hintId].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(error && { 'aria-invalid': true }),
        ...(describedBy && { 'aria-describedby': describedBy }),
      })}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <ErrorText message={error} id={errorId} testId="field-error" />
    </div>
  );
}
