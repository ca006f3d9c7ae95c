/** Problems with backups and imports as the app runs them (the core's are in backup.ts/import.ts). */
export const backupAppErrorMessages = {
  'backup.reauth-required': 'Confirm it is you before exporting your secrets.',
  'backup.reauth-expired':
    'Your confirmation from earlier ran out (after 2 minutes). Confirm it is you again.',
  'backup.export-expired': 'This export is no longer valid. Start it again.',
  'backup.save-failed': 'The file could not be written. Nothing was saved.',
  'backup.auto-needs-password':
    'Automatic backups can only be opened with a password. Set a password in Settings first.',
  'backup.auto-folder-unusable': 'Latchkey cannot write to that folder. Choose another one.',
  'backup.password-too-short': 'The backup password must be at least 8 characters long.',
  'recovery.not-found': 'That recovery code no longer exists.',
  'import.expired': 'This file is no longer open for import. Choose it again.',
} as const;
export type BackupAppErrorCode = keyof typeof backupAppErrorMessages;
