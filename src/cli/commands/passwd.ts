import { LatchkeyError } from '../../shared/errors/index';
import {
  checkChosenPassword,
  loadCredentials,
  NEW_PASSWORD_FILE,
  passwordFileAlias,
  PASSWORD_STDIN,
  VAULT_PASSWORD_FILE,
} from '../credentials';
import { BUSY_EXIT, EXIT, VAULT_EXITS, type CliCommand } from '../io';
import { ArgsError, type CommandSpec } from '../options';
import { withVaultForWriting } from '../vault-access';
import { DATA_DIR_OPTION } from '../vault-access';

/**
 * `latchkey passwd`: sets, changes or removes the vault's password through the app's
 * VaultService — the same change (and key rotation) as the app's Settings.
 */
const spec: CommandSpec = {
  name: 'passwd',
  summary: 'Set, change or remove your vault’s password',
  synopsis: ['[--new-password-file <file>] [vault options]', '--remove [vault options]'],
  description: [
    'The current password (when the vault has one) comes from --vault-password-file (alias',
    '--password-file), --password-stdin, or a prompt; the new one (at least 8 characters) from',
    '--new-password-file or a prompt (asked twice). --remove keeps only this device’s keychain',
    'key, and needs the vault to have one.',
  ].join('\n'),
  options: [
    NEW_PASSWORD_FILE,
    { name: 'remove', description: 'remove the password (the keychain key stays)' },
    VAULT_PASSWORD_FILE,
    passwordFileAlias('vault'),
    PASSWORD_STDIN,
    DATA_DIR_OPTION,
  ],
  exits: [
    { code: EXIT.ok, meaning: 'the password was set, changed or removed' },
    {
      code: EXIT.badInput,
      meaning: `the new password is not allowed, or ${VAULT_EXITS[1].meaning}`,
    },
    BUSY_EXIT,
  ],
};

export const passwdCommand: CliCommand = {
  spec,
  async run(args, io) {
    if (args.positional.length > 0)
      throw new ArgsError(`unexpected argument “${args.positional[0]}”`);
    const remove = args.flag('remove');
    if (remove && args.has('new-password-file')) {
      throw new ArgsError('give --remove or --new-password-file, not both');
    }
    const credentials = await loadCredentials(args, io, { aliasFor: 'vault', stdinFor: 'vault' });
    if (!remove && credentials.given('new'))
      checkChosenPassword(await credentials.get('new'), 'new');
    return withVaultForWriting(args, io, credentials, async ({ services }) => {
      const { vault } = services;
      const { slots } = await vault.status();
      const current = slots.password ? await credentials.get('vault') : undefined;
      if (remove) {
        if (current === undefined) throw new LatchkeyError('vault.no-password-slot');
        // Checks the password, refuses to remove the last way in, and draws a new master key.
        await vault.removePassword(current);
        io.stdout('Removed the password; the vault now opens only with this device’s keychain.\n');
        return EXIT.ok;
      }
      const next = await credentials.get('new');
      checkChosenPassword(next, 'new');
      await vault.setPassword(next, current === undefined ? {} : { currentPassword: current });
      io.stdout(
        slots.password
          ? 'Changed the password. Automatic backups written before now still open with the old one.\n'
          : 'Set the password.\n',
      );
      return EXIT.ok;
    });
  },
};
