import { importBackup } from '../../core/node/importers/index';
import { serializeOtpUri } from '../../core/common/uri/index';
import { accountLabel } from '../../shared/account';
import {
  BACKUP_PASSWORD_FILE,
  loadCredentials,
  passwordFileAlias,
  PASSWORD_STDIN,
  VAULT_PASSWORD_FILE,
} from '../credentials';
import { BUSY_EXIT, EXIT, type CliCommand, type CliIo } from '../io';
import { ArgsError, type CommandSpec, type Parsed } from '../options';
import { safe } from '../terminal';
import { DATA_DIR_OPTION } from '../vault-access';
import { readBackupFile, withBackupPassword } from './backup-file';
import { importIntoVault } from './import-into-vault';

/**
 * `latchkey import <file>`: reads another authenticator's backup and prints its accounts as
 * canonical otpauth:// links, one per line, in file order. Touches no vault.
 * `--into-vault`: the app's import path instead (see import-into-vault.ts).
 */
const spec: CommandSpec = {
  name: 'import',
  summary:
    'Read another app’s backup: print its accounts as otpauth:// links, or add them to your vault',
  synopsis: [
    '<file> [--backup-password-file <file>]',
    '<file> --into-vault [--dry-run] [--json] [--keep-duplicates] [vault options]',
  ],
  description: [
    'Without --into-vault, prints the backup’s accounts as otpauth:// links, one per line, in file',
    'order. Nothing is saved. The output contains the secrets: keep it safe. Accounts that cannot',
    'be imported are listed on stderr as "entry N (label): reason".',
    '',
    'With --into-vault, adds them to your vault the way the app does: an account whose secret and',
    'type are already in the vault is skipped as a duplicate (unless --keep-duplicates), and the',
    'result is printed as "added N, duplicates M, failed K". --dry-run saves nothing (and is safe',
    'while the app runs); --json prints its preview as JSON.',
    '',
    'Formats: Aegis (plain or encrypted), 2FAS (plain or encrypted), andOTP (plain or encrypted),',
    'Bitwarden (JSON or CSV), FreeOTP+ (JSON), Ente Auth (plain text), Proton Authenticator (JSON),',
    'Steam Guard (.maFile), Google Authenticator export links (otpauth-migration://, one per line),',
    'Latchkey’s own vault files and automatic backups (with --into-vault), and plain lists of',
    'otpauth:// links (# comments and blank lines are ignored).',
    '',
    '--password-stdin supplies the backup’s password; the vault opens with the keychain,',
    '--vault-password-file, or a prompt.',
  ].join('\n'),
  options: [
    BACKUP_PASSWORD_FILE,
    passwordFileAlias('backup'),
    PASSWORD_STDIN,
    { name: 'into-vault', description: 'add the accounts to your vault instead of printing them' },
    {
      name: 'dry-run',
      short: 'n',
      description: 'with --into-vault: show what would happen, save nothing',
    },
    { name: 'json', description: 'with --dry-run: print the preview as JSON' },
    {
      name: 'keep-duplicates',
      description: 'with --into-vault: also add accounts already in the vault',
    },
    VAULT_PASSWORD_FILE,
    DATA_DIR_OPTION,
  ],
  exits: [
    { code: EXIT.ok, meaning: 'at least one account was read' },
    { code: EXIT.notFound, meaning: 'the file held no account that could be read' },
    {
      code: EXIT.badInput,
      meaning: 'the file could not be read (unknown format, damaged, password missing or wrong)',
    },
    BUSY_EXIT,
  ],
};

async function printLinks(args: Parsed, path: string, io: CliIo): Promise<number> {
  const credentials = await loadCredentials(args, io, { aliasFor: 'backup', stdinFor: 'backup' });
  const bytes = await readBackupFile(path);
  const result = await withBackupPassword(bytes, path, credentials, (password) =>
    importBackup(bytes, { ...(password !== undefined && { password }), fileName: path }),
  );
  let printed = 0;
  result.entries.forEach((entry, position) => {
    const n = position + 1;
    if (entry.ok) {
      // Canonical links percent-encode every control character.
      io.stdout(`${serializeOtpUri(entry.draft)}\n`);
      for (const warning of entry.warnings) {
        io.stderr(safe`entry ${n} (${accountLabel(entry.draft)}): warning: ${warning}\n`);
      }
      printed++;
    } else {
      io.stderr(safe`entry ${n} (${entry.label}): ${entry.error.message}\n`);
    }
  });
  return printed > 0 ? EXIT.ok : EXIT.notFound;
}

export const importCommand: CliCommand = {
  spec,
  async run(args, io) {
    if (args.positional.length !== 1) throw new ArgsError('give exactly one backup file');
    const path = args.positional[0]!;
    if (args.flag('into-vault')) return importIntoVault(args, path, io);
    for (const name of ['dry-run', 'json', 'keep-duplicates', 'vault-password-file', 'data-dir']) {
      if (args.has(name)) throw new ArgsError(`--${name} only goes with --into-vault`);
    }
    return printLinks(args, path, io);
  },
};
