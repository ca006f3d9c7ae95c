import { scanQrCodesDetailed } from '../../core/common/qr/index';
import { isLatchkeyError } from '../../shared/errors/index';
import { ArgsError, parseArgs } from '../args';
import { readImageFile } from '../../core/node/image/index';
import { EXIT, type CliCommand, type CliIo } from '../io';

/**
 * `latchkey scan <image-file>...`: prints the text of every QR code, one per line, images in
 * argument order and codes in reading order within each image. Exit 0 when every image held a
 * code, 1 when one held none (the others are still printed), 2 when a file is not a picture we
 * can read. Reads PNG, JPEG and BMP, told apart by their first bytes, not their names.
 *
 * Decoded text is untrusted: control characters are printed escaped (\u{1b}) so a code cannot
 * drive the terminal or forge extra output lines.
 */
export const scanCommand: CliCommand = {
  name: 'scan',
  summary: 'Print the text of every QR code in picture files (PNG, JPEG, BMP).',
  usage: 'latchkey scan <image-file>...',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { positional } = parseArgs(args, []);
    if (positional.length === 0) throw new ArgsError('name at least one picture file');
    let exit: number = EXIT.ok;
    for (const file of positional) {
      exit = Math.max(exit, await scanOne(file, io));
    }
    return exit;
  },
};

async function scanOne(file: string, io: CliIo): Promise<number> {
  let result;
  try {
    result = scanQrCodesDetailed(await readImageFile(file));
  } catch (error) {
    if (!isLatchkeyError(error)) throw error;
    io.stderr(`latchkey scan: ${file}: ${error.message}\n`);
    return EXIT.badInput;
  }
  for (const hit of result.hits) io.stdout(`${escapeControls(hit.text)}\n`);
  for (const rejection of result.rejected) {
    io.stderr(
      `latchkey scan: ${file}: skipped a QR code of ${rejection.length} characters: too long.\n`,
    );
  }
  if (result.hits.length > 0) return EXIT.ok;
  io.stderr(`latchkey scan: ${file}: no QR code found.\n`);
  return EXIT.notFound;
}

/** C0/C1 controls, DEL and the Unicode line/paragraph separators, written as \u{..}. */
export function escapeControls(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u{${c.charCodeAt(0).toString(16)}}`,
  );
}
