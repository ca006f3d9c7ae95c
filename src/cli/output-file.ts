import { closeSync, fchmodSync, openSync, writeSync } from 'node:fs';
import { LatchkeyError } from '../shared/errors/index';
import { UsageError } from './errors';
import type { CliIo } from './io';

/** `--out -`: standard output. */
export const STDOUT = '-';

/** A file that cannot be written: its path and the system's reason, never its content. */
export class FileError extends UsageError {}

/**
 * Writes an export. Files are written in place (a temporary copy of secrets could outlive a
 * crash), never replace an existing file unless `force`, and are always mode 0600 — also when
 * `force` replaces a file that was 0644 (open() only applies the mode to a file it creates).
 * `-` writes standard output; binary output is refused when that is a terminal.
 */
export function writeExport(
  path: string,
  data: Uint8Array | string,
  options: { force: boolean; binary: boolean },
  io: CliIo,
): void {
  if (path === STDOUT) {
    if (options.binary && io.stdoutIsTTY) {
      throw new UsageError(
        'a PDF would garble the terminal: redirect it (--out - > kit.pdf) or give --out <file>',
      );
    }
    if (typeof data === 'string') io.stdout(data);
    else if (io.stdoutBytes) io.stdoutBytes(data);
    else io.stdout(Buffer.from(data).toString('latin1'));
    return;
  }
  let fd: number;
  try {
    // 'wx' fails if the file exists: the check and the creation are one step.
    fd = openSync(path, options.force ? 'w' : 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new LatchkeyError('backup.file-exists', {
        message: `${path} already exists; it was not replaced. Pass --force to replace it.`,
      });
    }
    throw new FileError(`cannot write ${path}: ${code ?? 'error'}`);
  }
  try {
    fchmodSync(fd, 0o600);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
  } catch (error) {
    throw new FileError(
      `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  } finally {
    closeSync(fd);
  }
}
