import { BUSY_EXIT, EXIT, VAULT_EXITS, type CliCommand } from '../io';
import { ArgsError, type CommandSpec } from '../options';
import { safe } from '../terminal';
import { withVaultForWriting } from '../vault-access';
import { VAULT_CREDENTIALS_NOTE, VAULT_OPTIONS, vaultCredentials } from '../vault-options';
import { pickOne } from './pick-account';

/** `latchkey rename <search> --issuer … --name …`: relabels the one account the search finds. */
const spec: CommandSpec = {
  name: 'rename',
  summary: 'Change the issuer and/or account name of one account',
  synopsis: ['<search> [--issuer <text>] [--name <text>] [vault options]'],
  description: `The search must match exactly one account. ${VAULT_CREDENTIALS_NOTE}`,
  options: [
    { name: 'issuer', short: 'i', value: 'text', description: 'the new issuer (service) name' },
    { name: 'name', short: 'n', value: 'text', description: 'the new account name' },
    ...VAULT_OPTIONS,
  ],
  exits: [
    { code: EXIT.ok, meaning: 'renamed' },
    { code: EXIT.notFound, meaning: 'no account matches; nothing changed' },
    {
      code: EXIT.badInput,
      meaning: `several accounts match, a name is not allowed, or ${VAULT_EXITS[1].meaning}`,
    },
    BUSY_EXIT,
  ],
};

export const renameCommand: CliCommand = {
  spec,
  async run(args, io) {
    if (args.positional.length !== 1)
      throw new ArgsError('give one search text (quote it if it has spaces)');
    const issuer = args.string('issuer');
    const name = args.string('name');
    if (issuer === undefined && name === undefined)
      throw new ArgsError('give --issuer and/or --name');
    if (name !== undefined && name.trim() === '') throw new ArgsError('--name cannot be empty');
    return withVaultForWriting(args, io, await vaultCredentials(args, io), async ({ services }) => {
      const account = pickOne(services.accounts.list(), args.positional[0]!, io);
      const renamed = await services.accounts.update(account.id, (a) => ({
        ...a,
        ...(issuer !== undefined && { issuer: issuer.trim() }),
        ...(name !== undefined && { name: name.trim() }),
      }));
      io.stdout(
        safe`renamed ${account.issuer}\t${account.name}\tto\t${renamed.issuer}\t${renamed.name}\n`,
      );
      return EXIT.ok;
    });
  },
};
