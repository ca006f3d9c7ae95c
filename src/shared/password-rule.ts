/**
 * The one rule for every password a person chooses in Latchkey: the vault's password and the
 * password of an encrypted export (Aegis), in the app and on the command line alike. Counted in
 * Unicode code points, so an emoji is one character, as a person would count it.
 */
export const PASSWORD_RULE = { minLength: 8, maxLength: 1024 } as const;

export type PasswordProblem = 'too-short' | 'too-long';

/** What is wrong with a new password under the rule, or null when it is acceptable. */
export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_RULE.minLength) return 'too-short';
  if (length > PASSWORD_RULE.maxLength) return 'too-long';
  return null;
}
