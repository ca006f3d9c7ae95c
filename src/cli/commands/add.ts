import { parseOtpUri } from '../../core/common/uri/index';
import { isLatchkeyError } from '../../shared/errors/index';
import { BUSY_EXIT, EXIT, VAULT_EXITS, type CliCommand } from '../io';
import { ArgsError, type CommandSpec } from '../options';
import { safe } from '../terminal';
import { withVaultForWriting } from '../vault-access';
import { VAULT_CREDENTIALS_NOTE, VAULT_OPTIONS, vaultCredentials } from '../vault-options';
import { printWarnings } from './code';

/**
 * `latchkey add <otpauth-uri>...`: adds accounts in one save, through the app's StagingArea, so
 * the duplicate rule is the app's: a link whose secret and type are already in the vault is
 * skipped with a note, unless `--keep-duplicates`. Every link is checked before anything is saved.
 */
const spec: CommandSpec = {
  name: 'add',
  summary: 'Add accounts to your vault from otpauth:// links',
  synopsis: ['<otpauth-uri>... [--keep-duplicates] [vault options]'],
  description: `Quote each link so the shell keeps its & characters. ${VAULT_CREDENTIALS_NOTE}`,
  options: [
    { name: 'keep-duplicates', description: 'also add links whose secret is already in the vault' },
    ...VAULT_OPTIONS,
  ],
  exits: [
    { code: EXIT.ok, meaning: 'the accounts were added (or were all already there)' },
    {
      code: EXIT.badInput,
      meaning: `a link is not valid (nothing was added), or ${VAULT_EXITS[1].meaning}`,
    },
    BUSY_EXIT,
  ],
};

export const addCommand: CliCommand = {
  spec,
  async run(args, io) {
    if (args.positional.length === 0) throw new ArgsError('give at least one otpauth:// link');
    const drafts = args.positional.map((uri, i) => {
      try {
        const { draft, warnings } = parseOtpUri(uri);
        printWarnings(warnings, io);
        return draft;
      } catch (error) {
        if (!isLatchkeyError(error)) throw error;
        throw new ArgsError(`link ${i + 1}: ${error.message} Nothing was added.`);
      }
    });
    const keep = args.flag('keep-duplicates');
    return withVaultForWriting(args, io, await vaultCredentials(args, io), async ({ services }) => {
      const staged = services.staging.stage(
        drafts.map((draft, i) => ({ draft, source: `link ${i + 1}` })),
      );
      const chosen = staged.filter((s) => keep || s.duplicateOf === null);
      for (const s of staged) {
        if (!chosen.includes(s))
          io.stderr(safe`${s.source} (${s.issuer}: ${s.name}): already in the vault, skipped\n`);
      }
      if (staged.length < drafts.length) {
        io.stderr(
          `${drafts.length - staged.length} link(s) repeated an earlier one and were added once\n`,
        );
      }
      await services.staging.commit(
        chosen.map((s) => ({ key: s.key })),
        keep,
      );
      for (const s of chosen) io.stdout(safe`added ${s.issuer}\t${s.name}\n`);
      return EXIT.ok;
    });
  },
};
