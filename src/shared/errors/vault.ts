/** Problems opening, unlocking and saving the vault. Owned by src/core/node/vault and the vault service. */
export const vaultErrorMessages = {
  'vault.absent': 'There is no vault yet. Create one first.',
  'vault.exists': 'A vault already exists in this folder.',
  'vault.locked': 'The vault is locked. Unlock it first.',
  'vault.already-unlocked': 'The vault is already unlocked.',
  'vault.corrupt':
    'The vault file is damaged and cannot be read. It has not been changed; an earlier saved copy may be restorable.',
  'vault.tampered':
    'The vault file failed its integrity check: it was damaged or changed outside Latchkey. It has not been changed; an earlier saved copy may be restorable.',
  'vault.unknown-version':
    'This vault was saved by a newer version of Latchkey. Update Latchkey to open it.',
  'vault.wrong-password': 'That password is not correct.',
  'vault.locked-out': 'Too many wrong passwords in a row. Wait a moment before trying again.',
  'vault.password-empty': 'Enter the password.',
  'vault.lockout-busy':
    'Another Latchkey is checking a password for this vault right now. Try again in a moment.',
  'vault.keychain-unavailable':
    'The system keychain is not available: no Secret Service (such as GNOME Keyring or KWallet) is running, or its keyring is locked. Use a password instead.',
  'vault.keychain-missing':
    'This device’s key is no longer in the system keychain. Unlock with your password.',
  'vault.keychain-mismatch':
    'The key in the system keychain does not open this vault. Unlock with your password.',
  'vault.no-keychain-slot': 'This vault is not set up to unlock with the system keychain.',
  'vault.no-password-slot': 'This vault has no password.',
  'vault.no-unlock-method': 'Choose at least one way to unlock: the system keychain or a password.',
  'vault.last-unlock-method':
    'This is the only way left to unlock the vault. Add another one before removing it.',
  'vault.password-too-short': 'The password must be at least 8 characters long.',
  'vault.password-too-long': 'The password must be at most 1024 characters long.',
  'vault.current-password-required': 'Enter the current password to change it.',
  'vault.confirmation-mismatch': 'The confirmation text does not match. Nothing was erased.',
  'vault.generation-not-found': 'That saved copy no longer exists.',
  'vault.write-failed': 'The vault could not be saved. Your last saved data is unchanged.',
  'vault.invalid-data': 'These changes are not valid and were not saved.',
  'vault.settings-invalid': 'That setting value is not allowed.',
} as const;
export type VaultErrorCode = keyof typeof vaultErrorMessages;
