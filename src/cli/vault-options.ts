import {
  loadCredentials,
  passwordFileAlias,
  PASSWORD_STDIN,
  VAULT_PASSWORD_FILE,
  type Credentials,
} from './credentials';
import type { CliIo } from './io';
import type { OptionSpec, Parsed } from './options';
import { DATA_DIR_OPTION } from './vault-access';

/** The options of every command that opens the vault (where `--password-file` means its password). */
export const VAULT_OPTIONS: readonly OptionSpec[] = [
  VAULT_PASSWORD_FILE,
  passwordFileAlias('vault'),
  PASSWORD_STDIN,
  DATA_DIR_OPTION,
];

export const VAULT_CREDENTIALS_NOTE =
  'The vault opens with this device’s keychain key when it has one that works; otherwise with ' +
  'its password, from --vault-password-file, --password-stdin, or a prompt (no echo) when ' +
  'standard input is a terminal.';

export function vaultCredentials(args: Parsed, io: CliIo): Promise<Credentials> {
  return loadCredentials(args, io, { aliasFor: 'vault', stdinFor: 'vault' });
}
