import { readFileSync } from 'node:fs';
import { encodeBase32 } from '../../core/common/encoding/base32';
import { encodeMigrationExport } from '../../core/common/migration/index';
import type { AccountDraft, SecretAccount } from '../../core/common/model';
import { buildEmergencyKit, type KitAccount } from '../../core/common/pdf/index';
import { parseOtpUri, serializeOtpUri } from '../../core/common/uri/index';
import { exportAegisVault } from '../../core/node/exporters/aegis';
import { exportUriList } from '../../core/node/exporters/uri-list';
import { isLatchkeyError, LatchkeyError } from '../../shared/errors/index';
import {
  BACKUP_PASSWORD_FILE,
  checkChosenPassword,
  loadCredentials,
  passwordFileAlias,
  PASSWORD_STDIN,
  VAULT_PASSWORD_FILE,
  type Credentials,
} from '../credentials';
import { EXIT, type CliCommand, type CliIo } from '../io';
import { ArgsError, type CommandSpec, type Parsed } from '../options';
import { FileError, STDOUT, writeExport } from '../output-file';
import { safe } from '../terminal';
import { DATA_DIR_OPTION, readVault } from '../vault-access';

const FORMATS = ['pdf', 'aegis', 'uris'] as const;
type Format = (typeof FORMATS)[number];

/**
 * `latchkey export --format pdf|aegis|uris --out <file|->`: the emergency kit, an encrypted
 * Aegis backup or a list of links — of the vault, or with `--from` of a file of otpauth://
 * links. Reading the vault is read-only, so a scheduled backup works while the app runs.
 */
const spec: CommandSpec = {
  name: 'export',
  summary:
    'Write your vault (or a file of links) as an emergency kit (PDF), an Aegis backup or a list of links',
  synopsis: [
    '--format pdf|aegis|uris --out <file|-> [--force] [vault options]',
    '--from <file of otpauth URIs> --format pdf|aegis|uris --out <file|-> [--force]',
  ],
  description: [
    'Without --from, exports every account of your vault (read-only: safe while the app runs).',
    'With --from, exports the otpauth:// links of a text file (one per line; blank lines and',
    'lines starting with # are skipped). Files are written with mode 0600 and never replace an',
    'existing file unless --force. --out - writes to standard output (not a PDF to a terminal).',
    'An Aegis backup is encrypted with the backup password (at least 8 characters), from',
    '--backup-password-file, --password-stdin, or a prompt. The vault opens with this device’s',
    'keychain key, else its password from --vault-password-file or a prompt.',
  ].join('\n'),
  options: [
    { name: 'format', short: 'f', value: 'format', description: 'what to write', choices: FORMATS },
    {
      name: 'out',
      short: 'o',
      value: 'file',
      description: 'where to write it; - for standard output',
      complete: 'file',
    },
    {
      name: 'from',
      value: 'file',
      description: 'export this file of otpauth:// links instead of the vault',
      complete: 'file',
    },
    { name: 'force', description: 'replace --out if it exists' },
    { name: 'transfer-codes', description: 'pdf: add Google Authenticator transfer QR codes' },
    BACKUP_PASSWORD_FILE,
    passwordFileAlias('backup'),
    PASSWORD_STDIN,
    VAULT_PASSWORD_FILE,
    DATA_DIR_OPTION,
  ],
  exits: [
    { code: EXIT.ok, meaning: 'written' },
    {
      code: EXIT.badInput,
      meaning:
        'bad arguments or input, a password missing or wrong, or --out exists; nothing written',
    },
  ],
};

function isFormat(value: string | undefined): value is Format {
  return (FORMATS as readonly (string | undefined)[]).includes(value);
}

export const exportCommand: CliCommand = {
  spec,
  async run(args, io) {
    if (args.positional.length > 0)
      throw new ArgsError(`unexpected argument “${args.positional[0]}”`);
    const out = args.string('out');
    const format = args.string('format');
    if (out === undefined)
      throw new ArgsError('missing --out <file> (or --out - for standard output)');
    if (!isFormat(format)) throw new ArgsError('--format must be pdf, aegis or uris');
    const from = args.string('from');
    if (from !== undefined) {
      for (const name of ['vault-password-file', 'data-dir']) {
        if (args.has(name)) throw new ArgsError(`--${name} does not go with --from`);
      }
    }
    const credentials = await loadCredentials(args, io, { aliasFor: 'backup', stdinFor: 'backup' });
    // Ask for the backup password before the vault is opened, so a bad one costs no attempt.
    const backupPassword = format === 'aegis' ? await chosenBackupPassword(credentials) : undefined;
    const source = from !== undefined ? fromFile(from, io) : await fromVault(args, io, credentials);
    if (source.drafts.length === 0) throw new LatchkeyError('backup.no-accounts');
    const data = await render(format, source, backupPassword, args.flag('transfer-codes'), io);
    writeExport(out, data, { force: args.flag('force'), binary: format === 'pdf' }, io);
    if (format === 'uris' && out !== STDOUT) {
      io.stderr(
        safe`warning: ${out} holds your secrets in the clear: anyone who reads it can generate your codes. Keep it private and delete it when you are done.\n`,
      );
    }
    const n = source.drafts.length;
    const done = safe`Wrote ${n} account${n === 1 ? '' : 's'} to ${out === STDOUT ? 'standard output' : out}\n`;
    // With --out -, stdout carries the export itself.
    if (out === STDOUT) io.stderr(done);
    else io.stdout(done);
    return EXIT.ok;
  },
};

async function chosenBackupPassword(credentials: Credentials): Promise<string> {
  const password = await credentials.get('backup', { confirm: true }).catch((error: unknown) => {
    // Scripts have always passed it as --password-file; say so first.
    if (error instanceof Error && !credentials.canPrompt) {
      throw new LatchkeyError('backup.password-missing', {
        message: `An Aegis export is encrypted: pass --backup-password-file <file> (or --password-file <file>, or --password-stdin) with its password.`,
      });
    }
    throw error;
  });
  checkChosenPassword(password, 'backup');
  return password;
}

interface Source {
  readonly drafts: readonly AccountDraft[];
  readonly kit: readonly KitAccount[];
}

async function fromVault(args: Parsed, io: CliIo, credentials: Credentials): Promise<Source> {
  const accounts = await readVault(args, io, credentials);
  return { drafts: accounts, kit: accounts.map(kitAccountOf) };
}

function fromFile(path: string, io: CliIo): Source {
  const drafts = readDrafts(path, io);
  return { drafts, kit: drafts.map((d) => kitAccountOf({ ...d, recoveryCodes: [] })) };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new FileError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

function readDrafts(path: string, io: CliIo): AccountDraft[] {
  const drafts: AccountDraft[] = [];
  readText(path)
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      try {
        const { draft, warnings } = parseOtpUri(line);
        for (const w of warnings) io.stderr(safe`warning: line ${index + 1}: ${w.message}\n`);
        drafts.push(draft);
      } catch (error) {
        if (!isLatchkeyError(error)) throw error;
        // The line number and the reason, never the line: it holds a secret.
        throw new LatchkeyError(error.code, { message: `line ${index + 1}: ${error.message}` });
      }
    });
  if (drafts.length === 0) throw new LatchkeyError('backup.input-empty');
  return drafts;
}

async function render(
  format: Format,
  source: Source,
  backupPassword: string | undefined,
  transferCodes: boolean,
  io: CliIo,
): Promise<Uint8Array | string> {
  switch (format) {
    case 'uris':
      return exportUriList(source.drafts);
    case 'pdf': {
      const transfer = transferCodes
        ? encodeMigrationExport(source.drafts, 10)
        : { uris: [], skipped: [] };
      for (const s of transfer.skipped) {
        io.stderr(
          safe`warning: account ${s.index + 1} is not in the Google Authenticator transfer codes (${s.reason})\n`,
        );
      }
      return buildEmergencyKit(source.kit, {
        variant: 'full',
        createdAt: new Date(io.now()),
        includeTransferCodes: transferCodes,
        transferUris: transfer.uris,
      }).pdf;
    }
    case 'aegis':
      return exportAegisVault(source.drafts, backupPassword!);
  }
}

/** What the kit prints of an account: the same fields the app's kit data carries. */
function kitAccountOf(account: AccountDraft & Pick<SecretAccount, 'recoveryCodes'>): KitAccount {
  return {
    issuer: account.issuer,
    name: account.name,
    uri: serializeOtpUri(account),
    secretBase32: encodeBase32(account.secret),
    otp: account.otp,
    recoveryCodes: account.recoveryCodes.map((c) => ({ code: c.code, used: c.used })),
  };
}
