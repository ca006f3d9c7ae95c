import { readFile } from 'node:fs/promises';
import type { SecretAccount } from '../core/common/model';
import { defaultDataDir } from '../node/data-dir';
import { createKeytarKeychain } from '../node/keychain';
import { openVaultReadOnly } from '../node/services/vault';
import type { ParsedArgs } from './args';
import type { CliIo } from './io';

/** Options of every command that reads the user's vault. */
export const VAULT_OPTIONS = ['password-file', 'data-dir'] as const;

/** Reads a password file: its first line, without the line ending (editors add one). */
export async function readPasswordFile(path: string): Promise<string> {
  const text = await readFile(path, 'utf8');
  return text.split(/\r?\n/)[0] ?? '';
}

/**
 * Opens the user's vault read-only — this device's keychain key first, then the password from
 * `--password-file` — without writing anything, so it is safe while the app runs.
 */
export async function openUserVault(
  args: ParsedArgs,
  io: CliIo,
): Promise<readonly SecretAccount[]> {
  const passwordFile = args.options.get('password-file');
  const password = passwordFile === undefined ? undefined : await readPasswordFile(passwordFile);
  const dir = args.options.get('data-dir') ?? defaultDataDir(io.env);
  return openVaultReadOnly(dir, {
    keychain: createKeytarKeychain(),
    ...(password !== undefined && { password }),
  });
}

/** Case-insensitive match on issuer or account name. */
export function searchAccounts(accounts: readonly SecretAccount[], text: string): SecretAccount[] {
  const needle = text.trim().toLocaleLowerCase();
  return accounts.filter(
    (a) =>
      a.issuer.toLocaleLowerCase().includes(needle) || a.name.toLocaleLowerCase().includes(needle),
  );
}
