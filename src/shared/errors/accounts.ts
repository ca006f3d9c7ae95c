/** Problems with accounts and codes. */
export const accountErrorMessages = {
  'accounts.not-found': 'That account no longer exists.',
  'accounts.not-hotp': 'Only counter-based (HOTP) accounts have a “next code”.',
  'accounts.name-invalid': 'The issuer and account name must be at most 256 characters.',
  'accounts.undo-expired': 'It is too late to undo that deletion.',
  'accounts.reorder-mismatch': 'The list changed while you were reordering it. Try again.',
  'clipboard.unavailable': 'The clipboard could not be written.',
} as const;
export type AccountErrorCode = keyof typeof accountErrorMessages;
