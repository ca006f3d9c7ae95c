import { parseArgs } from '../args';
import { EXIT, type CliCommand } from '../io';
import { openUserVault, VAULT_OPTIONS } from '../vault-access';
import { reportError } from './code';

/**
 * `latchkey list [--password-file <file>] [--json]`: the accounts in the user's vault, one per
 * line as `issuer<TAB>account<TAB>type`, in the app's order. Never prints a secret or a code.
 */
export const listCommand: CliCommand = {
  name: 'list',
  summary: 'List the accounts in your vault (read-only; safe while the app runs)',
  usage: 'latchkey list [--password-file <file>] [--data-dir <folder>] [--json]',
  async run(argv, io) {
    const args = parseArgs(argv, [...VAULT_OPTIONS], ['json']);
    try {
      const accounts = await openUserVault(args, io);
      if (args.flags.has('json')) {
        const rows = accounts.map((a) => ({ issuer: a.issuer, name: a.name, ...a.otp }));
        io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      } else {
        for (const a of accounts)
          io.stdout(`${oneLine(a.issuer)}\t${oneLine(a.name)}\t${a.otp.type}\n`);
      }
      return EXIT.ok;
    } catch (error) {
      return reportError('list', error, io);
    }
  },
};

/** Tabs and newlines in a name would break the line format. */
const oneLine = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
