import { generateCode } from '../../core/common/otp/index';
import { parseOtpUri, type UriWarning } from '../../core/common/uri/index';
import { isLatchkeyError } from '../../shared/errors/index';
import { ArgsError, parseArgs, type ParsedArgs } from '../args';
import { EXIT, type CliCommand, type CliIo } from '../io';
import { openUserVault, searchAccounts, VAULT_OPTIONS } from '../vault-access';

/**
 * `latchkey code <otpauth-uri> [--time <unix-seconds>]`: prints the current code and a newline,
 * nothing else on stdout. HOTP links use their own counter. Bad input: exit 2, message on stderr.
 *
 * The command is organised by mode so a second source of accounts (e.g. reading the vault with
 * `--search <text>`) can be added next to the link mode without touching it.
 */

/** Options every mode accepts. */
const VALUED = ['time', 'search', ...VAULT_OPTIONS];

interface CodeMode {
  /** Whether this mode handles the given arguments. */
  readonly matches: (args: ParsedArgs) => boolean;
  readonly run: (args: ParsedArgs, timeMs: number, io: CliIo) => Promise<number>;
}

/** Reads a time given as Unix seconds (fractions allowed), or now. */
export function timeFromArgs(args: ParsedArgs, io: CliIo): number {
  const text = args.options.get('time');
  if (text === undefined) return io.now();
  if (!/^\d+(\.\d+)?$/.test(text.trim())) {
    throw new ArgsError(`--time must be a Unix time in seconds (0 or more), not “${text}”`);
  }
  return Math.floor(Number(text.trim()) * 1000);
}

/** Parser warnings, one per line on stderr, so stdout stays machine-readable. */
export function printWarnings(warnings: readonly UriWarning[], io: CliIo): void {
  for (const warning of warnings) io.stderr(`warning: ${warning.message}\n`);
}

/** Prints a LatchkeyError for a person and returns the bad-input exit code; rethrows the rest. */
export function reportError(command: string, error: unknown, io: CliIo): number {
  if (!isLatchkeyError(error)) throw error;
  io.stderr(`latchkey ${command}: ${error.message}\n`);
  return EXIT.badInput;
}

const linkMode: CodeMode = {
  matches: (args) => args.positional.length > 0,
  run: async (args, timeMs, io) => {
    if (args.positional.length > 1) {
      throw new ArgsError(
        'give one otpauth:// link (quote it so the shell keeps the & characters)',
      );
    }
    try {
      const { draft, warnings } = parseOtpUri(args.positional[0]!);
      printWarnings(warnings, io);
      io.stdout(`${generateCode(draft.secret, draft.otp, { timeMs })}\n`);
      return EXIT.ok;
    } catch (error) {
      return reportError('code', error, io);
    }
  },
};

/**
 * `--search <text>`: codes from the user's vault (read-only). One match prints just the code;
 * several print `code<TAB>issuer<TAB>account` per line; none exits 1. HOTP accounts show the
 * code for their stored counter (the command line never advances a counter).
 */
const searchMode: CodeMode = {
  matches: (args) => args.options.has('search'),
  run: async (args, timeMs, io) => {
    if (args.positional.length > 0) throw new ArgsError('give either a link or --search, not both');
    try {
      const matches = searchAccounts(await openUserVault(args, io), args.options.get('search')!);
      if (matches.length === 0) {
        io.stderr(`latchkey code: no account matches “${args.options.get('search')}”\n`);
        return EXIT.notFound;
      }
      const codeOf = (a: (typeof matches)[number]) => generateCode(a.secret, a.otp, { timeMs });
      if (matches.length === 1) io.stdout(`${codeOf(matches[0]!)}\n`);
      else for (const a of matches) io.stdout(`${codeOf(a)}\t${a.issuer}\t${a.name}\n`);
      return EXIT.ok;
    } catch (error) {
      return reportError('code', error, io);
    }
  },
};

const modes: readonly CodeMode[] = [searchMode, linkMode];

export const codeCommand: CliCommand = {
  name: 'code',
  summary: 'Print the one-time code for an otpauth:// link, or for accounts in your vault',
  usage:
    'latchkey code <otpauth-uri> [--time <unix-seconds>]\n       latchkey code --search <text> [--password-file <file>] [--data-dir <folder>] [--time <unix-seconds>]',
  async run(argv, io) {
    const args = parseArgs(argv, VALUED);
    const mode = modes.find((m) => m.matches(args));
    if (!mode) throw new ArgsError('missing the otpauth:// link (or --search <text>)');
    return mode.run(args, timeFromArgs(args, io), io);
  },
};
