import { generateCode } from '../../core/otp/index';
import { parseOtpUri, type UriWarning } from '../../core/uri/index';
import { isLatchkeyError } from '../../shared/errors/index';
import { ArgsError, parseArgs, type ParsedArgs } from '../args';
import { EXIT, type CliCommand, type CliIo } from '../io';

/**
 * `latchkey code <otpauth-uri> [--time <unix-seconds>]`: prints the current code and a newline,
 * nothing else on stdout. HOTP links use their own counter. Bad input: exit 2, message on stderr.
 *
 * The command is organised by mode so a second source of accounts (e.g. reading the vault with
 * `--search <text>`) can be added next to the link mode without touching it.
 */

/** Options every mode accepts. */
const VALUED = ['time'];

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

const modes: readonly CodeMode[] = [linkMode];

export const codeCommand: CliCommand = {
  name: 'code',
  summary: 'Print the one-time code for an otpauth:// link',
  usage: 'latchkey code <otpauth-uri> [--time <unix-seconds>]',
  async run(argv, io) {
    const args = parseArgs(argv, VALUED);
    const mode = modes.find((m) => m.matches(args));
    if (!mode) throw new ArgsError('missing the otpauth:// link');
    return mode.run(args, timeFromArgs(args, io), io);
  },
};
