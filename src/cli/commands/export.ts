import { readFileSync, writeFileSync } from 'node:fs';
import { encodeBase32 } from '../../core/common/encoding/base32';
import { exportAegisVault } from '../../core/node/exporters/aegis';
import { exportUriList } from '../../core/node/exporters/uri-list';
import { encodeMigrationExport } from '../../core/common/migration/index';
import type { AccountDraft } from '../../core/common/model';
import { buildEmergencyKit, type KitAccount } from '../../core/common/pdf/index';
import { parseOtpUri, serializeOtpUri } from '../../core/common/uri/index';
import { isLatchkeyError, LatchkeyError } from '../../shared/errors/index';
import { ArgsError, parseArgs } from '../args';
import { EXIT, type CliIo, type CliCommand } from '../io';
import { reportError } from './code';

const FORMATS = ['pdf', 'aegis', 'uris'] as const;
type Format = (typeof FORMATS)[number];

/**
 * `latchkey export --from <file> --format pdf|aegis|uris --out <file>`: writes the same
 * emergency kit / backup the app writes, from a file of otpauth:// links (one per line; blank
 * lines and lines starting with # are skipped). The output is written in place with mode 0600
 * and never replaces an existing file unless --force is given. Bad input exits 2 and writes
 * nothing.
 */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Write an emergency kit (PDF), an Aegis backup or a list of links',
  usage:
    'latchkey export --from <file of otpauth URIs> --format pdf|aegis|uris [--password-file <file>] [--transfer-codes] [--force] --out <file>',
  async run(argv, io) {
    const args = parseArgs(
      argv,
      ['from', 'format', 'password-file', 'out'],
      ['force', 'transfer-codes'],
    );
    if (args.positional.length > 0)
      throw new ArgsError(`unexpected argument “${args.positional[0]}”`);
    const from = args.options.get('from');
    const out = args.options.get('out');
    const format = args.options.get('format');
    if (from === undefined) throw new ArgsError('missing --from <file>');
    if (out === undefined) throw new ArgsError('missing --out <file>');
    if (!isFormat(format)) throw new ArgsError('--format must be pdf, aegis or uris');
    try {
      const drafts = readDrafts(from, io);
      const data = await render(
        format,
        drafts,
        args.options.get('password-file'),
        args.flags.has('transfer-codes'),
        io,
      );
      writeOutput(out, data, args.flags.has('force'));
      if (format === 'uris') {
        io.stderr(
          `warning: ${out} holds your secrets in the clear: anyone who reads it can generate your codes. Keep it private and delete it when you are done.\n`,
        );
      }
      io.stdout(`Wrote ${drafts.length} account${drafts.length === 1 ? '' : 's'} to ${out}\n`);
      return EXIT.ok;
    } catch (error) {
      if (error instanceof FileError) {
        io.stderr(`latchkey export: ${error.message}\n`);
        return EXIT.badInput;
      }
      return reportError('export', error, io);
    }
  },
};

function isFormat(value: string | undefined): value is Format {
  return (FORMATS as readonly (string | undefined)[]).includes(value);
}

/** A file that cannot be read or written: its path and the system's reason, never its content. */
class FileError extends Error {}

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
        for (const w of warnings) io.stderr(`warning: line ${index + 1}: ${w.message}\n`);
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
  drafts: readonly AccountDraft[],
  passwordFile: string | undefined,
  transferCodes: boolean,
  io: CliIo,
): Promise<Uint8Array | string> {
  switch (format) {
    case 'uris':
      return exportUriList(drafts);
    case 'pdf': {
      const transfer = transferCodes
        ? encodeMigrationExport(drafts, 10)
        : { uris: [], skipped: [] };
      for (const s of transfer.skipped) {
        io.stderr(
          `warning: account ${s.index + 1} is not in the Google Authenticator transfer codes (${s.reason})\n`,
        );
      }
      return buildEmergencyKit(drafts.map(toKitAccount), {
        variant: 'full',
        createdAt: new Date(io.now()),
        includeTransferCodes: transferCodes,
        transferUris: transfer.uris,
      }).pdf;
    }
    case 'aegis': {
      if (passwordFile === undefined) {
        throw new LatchkeyError('backup.password-missing', {
          message: 'An Aegis export is encrypted: pass --password-file <file> with its password.',
        });
      }
      const password = readPassword(passwordFile);
      if (password === '') {
        throw new LatchkeyError('backup.password-missing', {
          message: `The password file ${passwordFile} is empty.`,
        });
      }
      return exportAegisVault(drafts, password);
    }
  }
}

/** The first line of the file, without its line ending (a trailing newline is not part of it). */
function readPassword(path: string): string {
  return readText(path).split(/\r?\n/)[0] ?? '';
}

function toKitAccount(draft: AccountDraft): KitAccount {
  return {
    issuer: draft.issuer,
    name: draft.name,
    uri: serializeOtpUri(draft),
    secretBase32: encodeBase32(draft.secret),
    otp: draft.otp,
    recoveryCodes: [],
  };
}

function writeOutput(path: string, data: Uint8Array | string, force: boolean): void {
  try {
    // 'wx' fails if the file exists: the check and the creation are one step.
    writeFileSync(path, data, { flag: force ? 'w' : 'wx', mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new LatchkeyError('backup.file-exists', {
        message: `${path} already exists; it was not replaced. Pass --force to replace it.`,
      });
    }
    throw new FileError(`cannot write ${path}: ${code ?? 'error'}`);
  }
}
