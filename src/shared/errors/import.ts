/**
 * Problems reading another app's backup or a Google Authenticator export link.
 * Owned by src/core/node/importers and src/core/common/migration.
 */
export const importErrorMessages = {
  'import.unknown-format':
    'This file is not a backup format Latchkey can read (expected Aegis, 2FAS, andOTP, Bitwarden, FreeOTP+, Ente, Proton Authenticator, Steam, Google Authenticator export links or a list of otpauth:// links).',
  'import.unreadable':
    'This backup file could not be read: it is damaged or not what it claims to be.',
  'import.too-large': 'This file is too large to be an authenticator backup.',
  'import.too-many-entries':
    'This file lists more than 100,000 accounts, far more than any real backup, so it was not read.',
  'import.cancelled': 'The import was cancelled; nothing was added.',
  'import.password-required': 'This backup is encrypted. Enter the password it was exported with.',
  'import.wrong-password': 'The password is wrong, or the backup is damaged.',
  'import.kdf-too-expensive':
    'This backup asks for a password-stretching cost so high that opening it could freeze the app, so it was not opened.',
  'import.unsupported-version':
    'This backup was written by a newer version of its app than Latchkey understands.',
  'import.entry-invalid': 'This account in the backup is incomplete or malformed.',
  'import.unsupported-type': 'This kind of one-time code is not supported.',
  'import.unsupported-algorithm':
    'This hash algorithm is not supported (use SHA1, SHA256 or SHA512).',
  'import.secret-invalid': 'The secret of this account is missing or not valid.',
  'import.encrypted-not-supported':
    'Latchkey cannot open this kind of encrypted export yet. Export again without encryption (for example as plain text), import that file, then delete it.',
  'import.digits-out-of-range': 'The number of digits of this account is not supported.',
  'import.period-out-of-range': 'The period of this account must be between 1 and 3600 seconds.',
  'import.counter-invalid': 'The counter of this account must be a whole number of 0 or more.',
  'import.label-too-long': 'The issuer or account name is too long.',
  'migration.not-migration':
    'This is not a Google Authenticator export link (it should start with otpauth-migration://offline?data=).',
  'migration.bad-base64': 'The data in this Google Authenticator export link is not valid base64.',
  'migration.too-long': 'This Google Authenticator export link is too long.',
  'migration.truncated':
    'This Google Authenticator export link is cut short; scan the QR code again.',
  'migration.part-missing':
    'This Google Authenticator export is made of several QR codes and some were not scanned.',
  'migration.malformed': 'The data in this Google Authenticator export link is damaged.',
  'migration.batch-out-of-range':
    'This Google Authenticator export link claims an impossible number of QR codes (a real export has 1 to 100), so it was not read.',
} as const;
export type ImportErrorCode = keyof typeof importErrorMessages;
