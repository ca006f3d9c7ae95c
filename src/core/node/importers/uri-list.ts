import { LatchkeyError, isLatchkeyError } from '../../../shared/errors/index';
import { decodeMigrationUri } from '../../common/migration/index';
import type { ImportEntry } from '../../common/import-entry/types';
import { entryFromUri, labelFromUri } from './uri-entry';

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

interface BatchSeen {
  size: number;
  parts: Set<number>;
}

export function importUriLines(text: string): ImportEntry[] {
  const entries: ImportEntry[] = [];
  const batches = new Map<number, BatchSeen>();
  for (const line of linesOf(text)) {
    const at = line.search(MIGRATION);
    if (at < 0) {
      entries.push(entryFromUri(line, entries.length));
      continue;
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
  for (const { size, parts } of batches.values()) {
    const missing = Array.from({ length: size }, (_, i) => i).filter((i) => !parts.has(i));
    if (missing.length === 0) continue;
    const error = new LatchkeyError('migration.part-missing', {
      message: `This Google Authenticator export has ${size} QR codes; ${missing.length === 1 ? 'part' : 'parts'} ${missing.map((i) => i + 1).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing.`,
      details: { size, missing: missing.map((i) => i + 1).join(',') },
    });
    entries.push({
      ok: false,
      index: entries.length,
      label: 'Google Authenticator export',
      error: error.toInfo(),
    });
  }
  return entries;
}
