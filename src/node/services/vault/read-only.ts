import type { SecretAccount } from '../../../core/common/model';
import { openVault } from '../../../core/node/vault/envelope';
import { parseVaultFile } from '../../../core/node/vault/format';
import { scryptKdf, type Kdf } from '../../../core/node/vault/kdf';
import { findSlot } from '../../../core/node/vault/slots';
import { isLatchkeyError, LatchkeyError } from '../../../shared/errors';
import { VaultFileStore } from './file-store';
import type { KeychainAdapter } from './keychain-adapter';
import { LockoutStore } from './lockout-store';
import { keychainCredential, type Credential } from './unlock-credential';

export interface ReadOnlyOptions {
  readonly password?: string;
  readonly keychain: KeychainAdapter | null;
  readonly now?: () => number;
  readonly kdf?: Kdf;
  readonly allowWeakKdfForTests?: boolean;
}

/**
 * Opens the vault for the command line without ever writing vault.json or its generations, so
 * it is safe while the app runs. Tries this device's keychain key first, then the password.
 *
 * Decision: the password path DOES honour and record the lockout (lockout.json, replaced
 * atomically, re-read before every attempt by the app too). Otherwise the CLI would be a way
 * round the wrong-password limit. It never offers or restores generations: damage is reported.
 */
export async function openVaultReadOnly(
  dir: string,
  options: ReadOnlyOptions,
): Promise<SecretAccount[]> {
  const bytes = await new VaultFileStore(dir).read();
  if (!bytes) throw new LatchkeyError('vault.absent');
  const weak = options.allowWeakKdfForTests ?? false;
  const file = parseVaultFile(bytes, weak);

  if (findSlot(file.header, 'keychain') && options.keychain) {
    try {
      const credential = await keychainCredential(options.keychain, file.header);
      return await openWith(credential, file, 'vault.keychain-mismatch');
    } catch (error) {
      const fallBack =
        isLatchkeyError(error) &&
        options.password !== undefined &&
        [
          'vault.keychain-unavailable',
          'vault.keychain-missing',
          'vault.keychain-mismatch',
        ].includes(error.code);
      if (!fallBack) throw error;
    }
  }
  if (!findSlot(file.header, 'password')) {
    throw new LatchkeyError(
      options.keychain ? 'vault.keychain-unavailable' : 'vault.no-password-slot',
    );
  }
  if (options.password === undefined) throw new LatchkeyError('vault.wrong-password');

  const lockout = new LockoutStore(dir, options.now ?? Date.now);
  return lockout.attempt(options.password, options.kdf ?? scryptKdf, (credential) =>
    openWith(credential, file, 'vault.wrong-password'),
  );
}

async function openWith(
  credential: Credential,
  file: ReturnType<typeof parseVaultFile>,
  wrongCode: 'vault.wrong-password' | 'vault.keychain-mismatch',
): Promise<SecretAccount[]> {
  try {
    const masterKey = await credential.unwrap(file.header);
    if (!masterKey) throw new LatchkeyError(wrongCode);
    try {
      return [...openVault(file, masterKey).accounts];
    } finally {
      masterKey.fill(0);
    }
  } finally {
    credential.dispose();
  }
}

/**
 * Opens a copy of a Latchkey vault file (an automatic backup, the vault itself, or one moved
 * from another computer) with its password. Reads bytes only; the guess counts toward (and
 * honours) this data folder's lockout like any other password attempt.
 */
export async function openVaultFileWithPassword(
  bytes: Uint8Array,
  password: string,
  lockout: LockoutStore,
  options: { readonly kdf?: Kdf; readonly allowWeakKdfForTests?: boolean } = {},
): Promise<SecretAccount[]> {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const file = parseVaultFile(view, options.allowWeakKdfForTests ?? false);
  if (!findSlot(file.header, 'password')) throw new LatchkeyError('vault.no-password-slot');
  return lockout.attempt(password, options.kdf ?? scryptKdf, (credential) =>
    openWith(credential, file, 'vault.wrong-password'),
  );
}
