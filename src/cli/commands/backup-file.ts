import { readFile } from 'node:fs/promises';
import { decodeText, detectFormat } from '../../core/node/importers/detect';
import { isLatchkeyError, LatchkeyError } from '../../shared/errors/index';
import type { Credentials } from '../credentials';
import { UsageError } from '../errors';

/** Reads the backup file named on the command line; a missing file is a usage error. */
export async function readBackupFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read “${path}”: ${code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'error')}`,
    );
  }
}

/**
 * andOTP's encrypted backup is the one binary format and has no magic number, so any binary
 * file "looks" like one. Without a password we cannot tell, and "this backup is encrypted"
 * would be a confident wrong answer for a random file: say what we know instead.
 */
export function unrecognisedBinary(bytes: Uint8Array, fileName: string): boolean {
  return decodeText(bytes) === null && detectFormat(bytes, fileName) === 'andotp';
}

const BINARY_HINT =
  'This file is not a backup format Latchkey recognises. (An encrypted andOTP backup looks like random bytes too: if this is one, give its password with --backup-password-file.)';

/** Imports with the password given, asking for one (or saying how to give it) when the file needs it. */
export async function withBackupPassword<T>(
  bytes: Uint8Array,
  fileName: string,
  credentials: Credentials,
  read: (password: string | undefined) => Promise<T>,
): Promise<T> {
  if (!credentials.given('backup') && unrecognisedBinary(bytes, fileName)) {
    throw new LatchkeyError('import.unknown-format', { message: BINARY_HINT });
  }
  const given = credentials.given('backup') ? await credentials.get('backup') : undefined;
  try {
    return await read(given);
  } catch (error) {
    const needsPassword =
      isLatchkeyError(error) && error.code === 'import.password-required' && given === undefined;
    if (!needsPassword) throw error;
    if (!credentials.canPrompt) {
      throw new UsageError(
        'this backup is encrypted and no backup password was given: use --backup-password-file <file>, --password-stdin, or run it in a terminal to be asked',
      );
    }
    return read(await credentials.get('backup'));
  }
}
