import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LatchkeyError } from '../../shared/errors/index';
import {
  checkChosenPassword,
  loadCredentials,
  NEW_PASSWORD_FILE,
  PASSWORD_STDIN,
  passwordFileAlias,
} from '../credentials';
import { dataLockHolder } from '../../node/data-lock';
import { BusyError, UsageError } from '../errors';
import { BUSY_EXIT, EXIT, type CliCommand } from '../io';
import { ArgsError, type CommandSpec } from '../options';
import { safe } from '../terminal';
import { busyMessage, DATA_DIR_OPTION, dataDirOf, withVaultForWriting } from '../vault-access';

/**
 * `latchkey init`: creates an empty vault through the app's VaultService. A password is required
 * unless `--keychain` asks for a keychain-only vault; without either flag, this device's
 * keychain is added too when it is available.
 */
const spec: CommandSpec = {
  name: 'init',
  summary: 'Create a new, empty vault',
  synopsis: ['[--keychain | --no-keychain] [--new-password-file <file> | --password-stdin]'],
  description: [
    'The password (at least 8 characters) comes from --new-password-file (alias',
    '--password-file), --password-stdin, or a prompt (asked twice, no echo). --keychain also',
    'stores a key in this device’s keychain and makes the password optional; --no-keychain',
    'never uses the keychain. With neither, the keychain is used when it is available.',
    'Refuses (exit 2) if a vault already exists.',
  ].join('\n'),
  options: [
    { name: 'keychain', description: 'unlock with this device’s keychain (password optional)' },
    { name: 'no-keychain', description: 'password only; never touch the keychain' },
    NEW_PASSWORD_FILE,
    passwordFileAlias('new'),
    PASSWORD_STDIN,
    DATA_DIR_OPTION,
  ],
  exits: [
    { code: EXIT.ok, meaning: 'the vault was created' },
    {
      code: EXIT.badInput,
      meaning: 'a vault already exists, bad arguments, or no usable password',
    },
    BUSY_EXIT,
  ],
};

export const initCommand: CliCommand = {
  spec,
  async run(args, io) {
    if (args.positional.length > 0)
      throw new ArgsError(`unexpected argument “${args.positional[0]}”`);
    if (args.flag('keychain') && args.flag('no-keychain')) {
      throw new ArgsError('give --keychain or --no-keychain, not both');
    }
    const dir = dataDirOf(args, io);
    if (existsSync(join(dir, 'vault.json'))) throw new LatchkeyError('vault.exists');
    // Said before anyone types a password (the lock itself is taken below).
    const holder = await dataLockHolder(dir);
    if (holder) throw new BusyError(busyMessage(holder));
    const credentials = await loadCredentials(args, io, { aliasFor: 'new', stdinFor: 'new' });
    // --keychain with no password source means keychain-only: nothing is asked for.
    const keychainOnly = args.flag('keychain') && !credentials.given('new');
    const password = keychainOnly ? undefined : await credentials.get('new');
    if (password !== undefined) checkChosenPassword(password, 'new');
    return withVaultForWriting(
      args,
      io,
      credentials,
      async ({ services }) => {
        const status = await services.vault.status();
        const keychain =
          args.flag('keychain') || (!args.flag('no-keychain') && status.keychainAvailable);
        if (!keychain && password === undefined)
          throw new UsageError('a vault needs a password or the keychain');
        await services.vault.create({ keychain, ...(password !== undefined && { password }) });
        const how = [
          keychain && 'this device’s keychain',
          password !== undefined && 'your password',
        ]
          .filter(Boolean)
          .join(' or ');
        io.stdout(safe`Created an empty vault in ${dir}; it opens with ${how}.\n`);
        return EXIT.ok;
      },
      { unlock: false },
    );
  },
};
