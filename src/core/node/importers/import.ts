import { LatchkeyError } from '../../../shared/errors/index';
import { importAegis } from './aegis';
import { importAndOtpEncrypted, importAndOtpJson } from './andotp';
import { importBitwardenCsv, importBitwardenJson } from './bitwarden';
import { decodeText, detectFormat, parseJsonLoose } from './detect';
import { importFreeOtpPlus, importProtonAuthenticator, importSteamGuard } from './json-formats';
import { importTwoFas } from './twofas';
import type {
  ImportEntry,
  ImportFormat,
  ImportOptions,
  ImportResult,
} from '../../common/import-entry/types';
import { importUriLines } from './uri-list';
import { checkCancelled } from './crypto';
import { unreadable, type Json } from './util';

/** Real backups are kilobytes; 20 MB leaves room for icons and stops accidental huge files. */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024;

const EXPECTED: Readonly<Record<ImportFormat, string>> = {
  'google-migration': 'Google Authenticator export links',
  aegis: 'an Aegis vault (JSON)',
  '2fas': 'a 2FAS backup (JSON)',
  andotp: 'an andOTP backup',
  'bitwarden-json': 'a Bitwarden JSON export',
  'bitwarden-csv': 'a Bitwarden CSV export',
  'freeotp-plus': 'a FreeOTP+ export (JSON)',
  ente: 'an Ente Auth export',
  'proton-authenticator': 'a Proton Authenticator export (JSON)',
  steam: 'a Steam Guard file (maFile)',
  'uri-list': 'a list of otpauth:// links',
};

function jsonOf(bytes: Uint8Array): Json {
  const text = decodeText(bytes);
  const value = text === null ? undefined : parseJsonLoose(text);
  if (value === undefined) throw unreadable('not valid JSON');
  return value;
}

function textOf(bytes: Uint8Array): string {
  const text = decodeText(bytes);
  if (text === null) throw unreadable('not a text file');
  return text;
}

async function read(
  format: ImportFormat,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<ImportEntry[]> {
  switch (format) {
    case 'aegis':
      return importAegis(jsonOf(bytes), options);
    case '2fas':
      return importTwoFas(jsonOf(bytes), options);
    case 'andotp':
      return decodeText(bytes) === null
        ? importAndOtpEncrypted(bytes, options)
        : importAndOtpJson(jsonOf(bytes));
    case 'bitwarden-json':
      return importBitwardenJson(jsonOf(bytes));
    case 'bitwarden-csv':
      return importBitwardenCsv(textOf(bytes));
    case 'freeotp-plus':
      return importFreeOtpPlus(jsonOf(bytes));
    case 'proton-authenticator':
      return importProtonAuthenticator(jsonOf(bytes));
    case 'steam':
      return importSteamGuard(jsonOf(bytes));
    case 'ente':
      // Ente's encrypted export needs XChaCha20 secretstream and Argon2id, which Node lacks.
      if (parseJsonLoose(textOf(bytes)) !== undefined)
        throw new LatchkeyError('import.encrypted-not-supported');
      return importUriLines(textOf(bytes), options.pace);
    case 'google-migration':
    case 'uri-list':
      return importUriLines(textOf(bytes), options.pace);
  }
}

/**
 * Reads another authenticator's backup. Whole-file problems throw a LatchkeyError:
 * `import.unknown-format`, `import.unreadable` (details.reason says what was expected),
 * `import.password-required`, `import.wrong-password`, `import.kdf-too-expensive`,
 * `import.encrypted-not-supported`, `import.unsupported-version`, `import.too-large`,
 * `import.too-many-entries`, `import.cancelled` (options.signal), `migration.batch-out-of-range`.
 * Problems with single accounts are entries with `ok: false`; the others still import.
 */
export async function importBackup(
  bytes: Uint8Array,
  options: ImportOptions & { fileName?: string } = {},
): Promise<ImportResult> {
  if (bytes.length > MAX_BACKUP_BYTES) throw new LatchkeyError('import.too-large');
  checkCancelled(options);
  const format = detectFormat(bytes, options.fileName);
  if (format === null) throw new LatchkeyError('import.unknown-format');
  // Recognising a large file is one slice of work and reading it another: hand the loop back.
  if (options.pace) await new Promise((resolve) => setTimeout(resolve, 0));
  try {
    return { format, entries: await read(format, bytes, options) };
  } catch (error) {
    if (error instanceof LatchkeyError && error.code === 'import.unreadable') {
      const reason = error.details?.reason;
      throw new LatchkeyError('import.unreadable', {
        message: `This file looks like ${EXPECTED[format]} but could not be read${reason ? ` (${String(reason)})` : ''}.`,
        details: { ...error.details, expected: EXPECTED[format] },
      });
    }
    throw error;
  }
}
