import { UsageError } from '../errors';
import { BUSY_EXIT, EXIT, VAULT_EXITS, type CliCommand } from '../io';
import { ArgsError, type CommandSpec } from '../options';
import { safe } from '../terminal';
import { withVaultForWriting } from '../vault-access';
import { VAULT_CREDENTIALS_NOTE, VAULT_OPTIONS, vaultCredentials } from '../vault-options';
import { labelOf, pickOne } from './pick-account';

/** `latchkey rm <search>`: removes the one account the search finds, after a confirmation. */
const spec: CommandSpec = {
  name: 'rm',
  summary: 'Remove one account from your vault',
  synopsis: ['<search> [--yes] [vault options]'],
  description:
    [
      'The search must match exactly one account (the app’s matcher: issuer, name, groups, note).',
      'Asks for confirmation on a terminal; scripts pass --yes. ',
    ].join('\n') + VAULT_CREDENTIALS_NOTE,
  options: [
    { name: 'yes', short: 'y', description: 'do not ask for confirmation' },
    ...VAULT_OPTIONS,
  ],
  exits: [
    { code: EXIT.ok, meaning: 'the account was removed' },
    { code: EXIT.notFound, meaning: 'no account matches; nothing changed' },
    {
      code: EXIT.badInput,
      meaning: `several accounts match, not confirmed, or ${VAULT_EXITS[1].meaning}`,
    },
    BUSY_EXIT,
  ],
};

export const rmCommand: CliCommand = {
  spec,
  async run(args, io) {
    if (args.positional.length !== 1)
      throw new ArgsError('give one search text (quote it if it has spaces)');
    const text = args.positional[0]!;
    if (!args.flag('yes') && !io.stdin?.isTTY) {
      throw new ArgsError(
        'removing an account needs --yes when no one is at a terminal to confirm',
      );
    }
    return withVaultForWriting(args, io, await vaultCredentials(args, io), async ({ services }) => {
      const account = pickOne(services.accounts.list(), text, io);
      if (!args.flag('yes')) {
        const answer = await io.stdin!.ask(
          safe`Remove ${labelOf(account)}? Its codes will be gone for good [y/N] `,
          false,
        );
        if (!/^y(es)?$/i.test(answer.trim()))
          throw new UsageError('not confirmed; nothing was removed');
      }
      await services.accounts.remove(account.id);
      io.stdout(safe`removed ${account.issuer}\t${account.name}\n`);
      return EXIT.ok;
    });
  },
};
