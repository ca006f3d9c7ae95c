import { readFile } from 'node:fs/promises';
import { importBackup } from '../../core/node/importers/index';
import { serializeOtpUri } from '../../core/common/uri/index';
import { accountLabel } from '../../shared/account';
import { isLatchkeyError } from '../../shared/errors/index';
import { ArgsError, parseArgs } from '../args';
import { EXIT, type CliCommand, type CliIo } from '../io';

/**
 * `latchkey import <file> [--password-file <file>]`: reads another authenticator's backup and
 * prints its accounts as canonical otpauth:// links, one per line, in file order. Touches no
 * vault. Accounts that cannot be imported are listed on stderr as `entry N (label): message`
 * (N counts from 1). Exit 0 when at least one account was printed, 1 when none, 2 when the
 * file cannot be opened at all (unreadable, unknown format, password missing or wrong).
 */

const USAGE = `latchkey import <file> [--password-file <file>]

Reads a backup from another authenticator and prints its accounts as otpauth:// links,
one per line, in file order. Nothing is saved. The output contains the secrets: keep it safe.

Formats: Aegis (plain or encrypted), 2FAS (plain or encrypted), andOTP (plain or encrypted),
Bitwarden (JSON or CSV), FreeOTP+ (JSON), Ente Auth (plain text), Proton Authenticator (JSON),
Steam Guard (.maFile), Google Authenticator export links (otpauth-migration://, one per line),
and plain lists of otpauth:// links (# comments and blank lines are ignored).

Options:
  --password-file <file>  read the backup's password from the first line of this file

Accounts that cannot be imported are listed on stderr as "entry N (label): reason".
Exit status: 0 if at least one account was printed, 1 if none was,
2 if the file could not be read (unknown format, damaged, password missing or wrong).`;

async function readPassword(path: string | undefined): Promise<string | undefined> {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ArgsError(`cannot read the password file “${path}”`);
  }
  return text.split(/\r?\n/, 1)[0] ?? '';
}

async function readBackup(path: string, io: CliIo): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(path));
  } catch {
    io.stderr(`latchkey import: cannot read “${path}”.\n`);
    return null;
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Print the accounts of another app’s backup as otpauth:// links',
  usage: USAGE,
  async run(argv, io) {
    const args = parseArgs(argv, ['password-file']);
    if (args.positional.length !== 1) throw new ArgsError('give exactly one backup file');
    const path = args.positional[0]!;
    const password = await readPassword(args.options.get('password-file'));
    const bytes = await readBackup(path, io);
    if (bytes === null) return EXIT.badInput;
    let result;
    try {
      result = await importBackup(bytes, { password, fileName: path });
    } catch (error) {
      if (!isLatchkeyError(error)) throw error;
      io.stderr(`latchkey import: ${error.message}\n`);
      return EXIT.badInput;
    }
    let printed = 0;
    result.entries.forEach((entry, position) => {
      const n = position + 1;
      if (entry.ok) {
        io.stdout(`${serializeOtpUri(entry.draft)}\n`);
        for (const warning of entry.warnings) {
          io.stderr(`entry ${n} (${accountLabel(entry.draft)}): warning: ${warning}\n`);
        }
        printed++;
      } else {
        io.stderr(`entry ${n} (${entry.label}): ${entry.error.message}\n`);
      }
    });
    return printed > 0 ? EXIT.ok : EXIT.notFound;
  },
};
