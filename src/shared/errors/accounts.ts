/** Problems with accounts and codes. */
export const accountErrorMessages = {
  'accounts.not-found': 'That account no longer exists.',
  'accounts.not-hotp': 'Only counter-based (HOTP) accounts have a “next code”.',
  'accounts.name-invalid': 'The issuer and account name must be at most 256 characters.',
  'accounts.undo-expired': 'It is too late to undo that deletion.',
  'accounts.reorder-mismatch': 'The list changed while you were reordering it. Try again.',
  'accounts.duplicate': 'You already have this account (same key and type).',
  'accounts.note-invalid': 'A note can be at most 10,000 characters.',
  'accounts.group-invalid':
    'A group name must be 1–64 characters, and an account can be in at most 64 groups.',
  'accounts.group-exists': 'There is already a group with that name.',
  'accounts.group-not-found': 'That group no longer exists.',
  'accounts.icon-invalid': 'That icon is not one of the bundled icons.',
  'accounts.picture-invalid':
    'That picture could not be read. Choose a PNG or JPEG file of at most 5 MB.',
  'clipboard.unavailable': 'The clipboard could not be written.',
} as const;
export type AccountErrorCode = keyof typeof accountErrorMessages;
