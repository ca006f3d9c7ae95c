import { LatchkeyError, isLatchkeyError } from '../../../shared/errors/index';
import { decodeMigrationUri, MAX_MIGRATION_PARTS } from '../../common/migration/index';
import { forEachPaced, unpaced, type Pacer } from '../../common/import-entry/pace';
import type { ImportEntry } from '../../common/import-entry/types';
import { entryFromUri, labelFromUri } from './uri-entry';
import { checkEntryCount } from './util';

/**
 * Text exports that are one link per line: plain otpauth:// lists (Aegis "plain text", Ente
 * Auth's plain export with its extra `codeDisplay` parameter, Authenticator Plus' Accounts.txt)
 * and Google Authenticator export links (otpauth-migration://), possibly mixed. Blank lines
 * and lines starting with `#` are ignored; a line that is neither kind is an entry error.
 * Missing parts of a multi-QR Google export are reported as a `migration.part-missing` entry;
 * a link declaring an impossible part count (`migration.batch-out-of-range`) refuses the file.
 */

const MIGRATION = /otpauth-migration:\/\//i;

export function linesOf(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** The parts seen of one export: a set of indexes, never an array per *declared* part. */
interface BatchSeen {
  size: number;
  parts: Set<number>;
}

/** Reads the lines, pacing between them so a 40,000-line file never blocks the caller's loop. */
export async function importUriLines(text: string, pace: Pacer = unpaced): Promise<ImportEntry[]> {
  const entries: ImportEntry[] = [];
  const batches = new Map<number, BatchSeen>();
  await forEachPaced(linesOf(text), pace, (line) => readLine(line, entries, batches));
  for (const seen of batches.values()) {
    const missing = missingPart(seen, entries.length);
    if (missing) entries.push(missing);
  }
  return entries;
}

function readLine(line: string, entries: ImportEntry[], batches: Map<number, BatchSeen>): void {
  checkEntryCount(entries.length);
  const at = line.search(MIGRATION);
  if (at < 0) {
    entries.push(entryFromUri(line, entries.length));
    return;
  }
  // zbarimg prints "QR-Code:" before the text; anything before the scheme is dropped.
  try {
    const decoded = decodeMigrationUri(line.slice(at));
    const base = entries.length;
    decoded.accounts.forEach((draft, i) => {
      entries.push({ ok: true, draft, warnings: decoded.warnings[i] ?? [] });
    });
    for (const failure of decoded.errors)
      entries.push({ ok: false, ...failure, index: base + failure.index });
    if (decoded.batch) {
      const seen = batches.get(decoded.batch.id) ?? {
        size: decoded.batch.size,
        parts: new Set<number>(),
      };
      seen.parts.add(decoded.batch.index);
      batches.set(decoded.batch.id, seen);
    }
  } catch (error) {
    if (!isLatchkeyError(error)) throw error;
    // A link declaring an impossible export is hostile, not a damaged account: refuse the file.
    if (error.code === 'migration.batch-out-of-range') throw error;
    entries.push({
      ok: false,
      index: entries.length,
      label: labelFromUri(line) || 'export link',
      error: error.toInfo(),
    });
  }
}

/** The entry saying which parts of an export were not in the file, or null when none is missing. */
function missingPart({ size, parts }: BatchSeen, index: number): ImportEntry | null {
  // The decoder refused sizes over MAX_MIGRATION_PARTS, so this loop is short.
  const missing: number[] = [];
  for (let i = 0; i < Math.min(size, MAX_MIGRATION_PARTS); i++)
    if (!parts.has(i)) missing.push(i + 1);
  if (missing.length === 0) return null;
  const error = new LatchkeyError('migration.part-missing', {
    message: `This Google Authenticator export has ${size} QR codes; ${missing.length === 1 ? 'part' : 'parts'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing.`,
    details: { size, missing: missing.join(',') },
  });
  return { ok: false, index, label: 'Google Authenticator export', error: error.toInfo() };
}
