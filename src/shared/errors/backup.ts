/**
 * Problems building an emergency kit or an export, and reading recovery codes. Owned by
 * src/core/common/pdf, src/core/common/recovery and the `latchkey export` command.
 */
export const backupErrorMessages = {
  'backup.no-accounts': 'There are no accounts to put in the emergency kit.',
  'backup.uri-too-long':
    'One account’s details are too long to fit in a QR code. Shorten its issuer or account name and try again.',
  'backup.qr-verify-failed':
    'A QR code in the emergency kit could not be read back correctly, so the kit was not created. Nothing was saved.',
  'backup.recovery-block-too-long': 'This text is too long to be a list of recovery codes.',
  'backup.recovery-too-many':
    'This looks like more recovery codes than any service gives (at most 100).',
  'backup.file-exists': 'A file with this name already exists; it was not replaced.',
  'backup.input-empty': 'The input file has no authenticator links in it.',
  'backup.password-missing': 'An encrypted export needs a password.',
} as const;
export type BackupErrorCode = keyof typeof backupErrorMessages;
