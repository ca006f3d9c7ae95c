import { PasswordField } from './PasswordField';

export interface NewPassword {
  readonly password: string;
  readonly repeat: string;
}

export const emptyNewPassword: NewPassword = { password: '', repeat: '' };

/** Why a new password cannot be used yet (checked on submit), or null. */
export function newPasswordProblem(
  { password, repeat }: NewPassword,
  noun = 'password',
): string | null {
  if (password === '') return `Enter a ${noun}.`;
  if (password !== repeat) return `The two ${noun}s are not the same.`;
  return null;
}

interface Props {
  readonly value: NewPassword;
  readonly onChange: (value: NewPassword) => void;
  readonly label?: string;
  readonly repeatLabel?: string;
}

/** A new password typed twice, so a typo cannot lock the user out. */
export function NewPasswordFields({
  value,
  onChange,
  label = 'Password',
  repeatLabel = 'Repeat the password',
}: Props) {
  return (
    <>
      <PasswordField
        label={label}
        value={value.password}
        onChange={(password) => onChange({ ...value, password })}
        autoComplete="new-password"
      />
      <PasswordField
        label={repeatLabel}
        value={value.repeat}
        onChange={(repeat) => onChange({ ...value, repeat })}
        autoComplete="new-password"
      />
    </>
  );
}
