import { EXIT, VAULT_EXITS, type CliCommand } from '../io';
import { ArgsError, type CommandSpec } from '../options';
import { safe, safeJson } from '../terminal';
import { readVault } from '../vault-access';
import { VAULT_CREDENTIALS_NOTE, VAULT_OPTIONS, vaultCredentials } from '../vault-options';

/**
 * `latchkey list`: the accounts in the user's vault, one per line as
 * `issuer<TAB>account<TAB>type`, in the app's order. Never prints a secret or a code.
 */
const spec: CommandSpec = {
  name: 'list',
  summary: 'List the accounts in your vault (read-only; safe while the app runs)',
  synopsis: ['[--json] [vault options]'],
  description: VAULT_CREDENTIALS_NOTE,
  options: [
    {
      name: 'json',
      description: 'print a JSON array of {issuer, name, type, algorithm, digits, period|counter}',
    },
    ...VAULT_OPTIONS,
  ],
  exits: VAULT_EXITS,
};

export const listCommand: CliCommand = {
  spec,
  async run(args, io) {
    if (args.positional.length > 0)
      throw new ArgsError(`unexpected argument “${args.positional[0]}”`);
    const accounts = await readVault(args, io, await vaultCredentials(args, io));
    if (args.flag('json')) {
      const rows = accounts.map((a) => ({ issuer: a.issuer, name: a.name, ...a.otp }));
      io.stdout(`${safeJson(rows)}\n`);
    } else {
      // Tabs and newlines in a name would break the line format; other controls are escaped.
      for (const a of accounts)
        io.stdout(safe`${oneLine(a.issuer)}\t${oneLine(a.name)}\t${a.otp.type}\n`);
    }
    return EXIT.ok;
  },
};

const oneLine = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
