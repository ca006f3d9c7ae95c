import { scanQrCodesDetailed } from '../../core/common/qr/index';
import { isLatchkeyError } from '../../shared/errors/index';
import { ACCEPTED_IMAGE_FORMATS, readImageFile } from '../../core/node/image/index';
import { EXIT, type CliCommand, type CliIo } from '../io';
import { ArgsError, type CommandSpec } from '../options';
import { safe, terminalSafe } from '../terminal';

/**
 * `latchkey scan <image-file>...`: prints the text of every QR code, one per line, images in
 * argument order and codes in reading order within each image. Formats are told apart by their
 * first bytes, not their names.
 *
 * Decoded text is untrusted: control characters are printed escaped (\u{1b}) so a code cannot
 * drive the terminal or forge extra output lines.
 */
const spec: CommandSpec = {
  name: 'scan',
  // The app's own list of readable pictures (src/core/common/image), so the two never differ.
  summary: `Print the text of every QR code in picture files (${ACCEPTED_IMAGE_FORMATS.map((f) => f.toUpperCase()).join(', ')}; GIF: first frame).`,
  synopsis: ['<image-file>...'],
  options: [],
  positional: 'file',
  exits: [
    { code: EXIT.ok, meaning: 'every picture held a QR code' },
    { code: EXIT.notFound, meaning: 'a picture held none (the others are still printed)' },
    { code: EXIT.badInput, meaning: 'a file is not a picture that can be read' },
  ],
};

export const scanCommand: CliCommand = {
  spec,
  async run(args, io) {
    if (args.positional.length === 0) throw new ArgsError('name at least one picture file');
    let exit: number = EXIT.ok;
    for (const file of args.positional) exit = Math.max(exit, await scanOne(file, io));
    return exit;
  },
};

async function scanOne(file: string, io: CliIo): Promise<number> {
  let result;
  try {
    result = scanQrCodesDetailed(await readImageFile(file));
  } catch (error) {
    if (!isLatchkeyError(error)) throw error;
    io.stderr(safe`latchkey scan: ${file}: ${error.message}\n`);
    return EXIT.badInput;
  }
  for (const hit of result.hits) io.stdout(`${terminalSafe(hit.text)}\n`);
  for (const rejection of result.rejected) {
    io.stderr(
      safe`latchkey scan: ${file}: skipped a QR code of ${rejection.length} characters: too long.\n`,
    );
  }
  if (result.hits.length > 0) return EXIT.ok;
  io.stderr(safe`latchkey scan: ${file}: no QR code found.\n`);
  return EXIT.notFound;
}

/** Kept for callers of the old name: see terminal.ts. */
export const escapeControls = terminalSafe;
