import { parseOtpUri, serializeOtpUri } from '../../core/common/uri/index';
import { ArgsError, parseArgs } from '../args';
import { EXIT, type CliCommand } from '../io';
import { printWarnings, reportError } from './code';

/**
 * `latchkey parse <otpauth-uri>`: prints the canonical form of the link (see
 * src/core/common/uri/serialize.ts). Warnings go to stderr as `warning: …`; bad input exits 2 with
 * the message on stderr.
 */
export const parseCommand: CliCommand = {
  name: 'parse',
  summary: 'Check an otpauth:// link and print its canonical form',
  usage: 'latchkey parse <otpauth-uri>',
  async run(argv, io) {
    const args = parseArgs(argv, []);
    if (args.positional.length !== 1) {
      throw new ArgsError(
        args.positional.length === 0
          ? 'missing the otpauth:// link'
          : 'give one otpauth:// link (quote it so the shell keeps the & characters)',
      );
    }
    try {
      const { draft, warnings } = parseOtpUri(args.positional[0]!);
      printWarnings(warnings, io);
      io.stdout(`${serializeOtpUri(draft)}\n`);
      return EXIT.ok;
    } catch (error) {
      return reportError('parse', error, io);
    }
  },
};
