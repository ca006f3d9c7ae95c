import { LatchkeyError, isLatchkeyError } from '../../../shared/errors/index';
import { decodeBase32 } from '../../common/encoding/base32';
import { checkEntry, type RawEntry } from '../../common/import-entry/draft';
import type { ImportEntry } from '../../common/import-entry/types';

/** Small helpers shared by the format readers. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: Json | undefined): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

export function num(value: Json | undefined): number | string | null {
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

export function unreadable(reason: string): LatchkeyError {
  return new LatchkeyError('import.unreadable', { details: { reason } });
}

export function parseJson(text: string, what: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    throw unreadable(`${what} is not valid JSON`);
  }
}

export function base32Secret(text: string | null | undefined): Uint8Array | null {
  if (!text) return null;
  return decodeBase32(text);
}

/** Strict base64 (standard alphabet, padding optional); null when it is not base64. */
export function base64Bytes(text: string): Uint8Array | null {
  const clean = text.replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.replace(/=+$/, '').length % 4 === 1)
    return null;
  return new Uint8Array(Buffer.from(clean, 'base64'));
}

export function hexBytes(text: Json | undefined): Uint8Array | null {
  if (typeof text !== 'string' || !/^(?:[0-9a-fA-F]{2})*$/.test(text)) return null;
  return new Uint8Array(Buffer.from(text, 'hex'));
}

/**
 * The most entries one import reads. A 20 MB file of `{}` would otherwise become ~7 million
 * failed entries (gigabytes); 100,000 is far beyond any real authenticator backup.
 */
export const MAX_IMPORT_ENTRIES = 100_000;

/** Refuses the whole file once it holds more entries than any real backup (a count from the file). */
export function checkEntryCount(index: number): void {
  if (index >= MAX_IMPORT_ENTRIES)
    throw new LatchkeyError('import.too-many-entries', {
      details: { maxEntries: MAX_IMPORT_ENTRIES },
    });
}

/** Runs one entry's conversion; a LatchkeyError becomes a per-entry failure, others propagate. */
export function convertEntry(
  index: number,
  label: string,
  build: () => RawEntry | ImportEntry,
): ImportEntry {
  checkEntryCount(index);
  try {
    const raw = build();
    if ('ok' in raw) return raw;
    const { draft, warnings } = checkEntry(raw);
    return { ok: true, draft, warnings };
  } catch (error) {
    if (!isLatchkeyError(error)) throw error;
    return { ok: false, index, label: label || `entry ${index + 1}`, error: error.toInfo() };
  }
}

export function labelOf(issuer: string, name: string): string {
  return [issuer.trim(), name.trim()].filter((s) => s !== '').join(': ');
}
