import { parseOtpUri, serializeOtpUri } from '../../core/common/uri/index';
import { EXIT, type CliCommand } from '../io';
import { ArgsError, type CommandSpec } from '../options';
import { printWarnings } from './code';

/**
 * `latchkey parse <otpauth-uri>`: prints the canonical form of the link (see
 * src/core/common/uri/serialize.ts). Warnings go to stderr as `warning: …`.
 */
const spec: CommandSpec = {
  name: 'parse',
  summary: 'Check an otpauth:// link and print its canonical form',
  synopsis: ['<otpauth-uri>'],
  options: [],
  exits: [
    { code: EXIT.ok, meaning: 'the link is valid; its canonical form was printed' },
    { code: EXIT.badInput, meaning: 'the link is not valid (the reason is on stderr)' },
  ],
};

export const parseCommand: CliCommand = {
  spec,
  async run(args, io) {
    if (args.positional.length !== 1) {
      throw new ArgsError(
        args.positional.length === 0
          ? 'missing the otpauth:// link'
          : 'give one otpauth:// link (quote it so the shell keeps the & characters)',
      );
    }
    const { draft, warnings } = parseOtpUri(args.positional[0]!);
    printWarnings(warnings, io);
    // Canonical links percent-encode every control character, so the line is terminal-safe.
    io.stdout(`${serializeOtpUri(draft)}\n`);
    return EXIT.ok;
  },
};
