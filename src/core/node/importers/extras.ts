import { ORGANISE_LIMITS, type AccountIcon } from '../../../shared/account';
import type { ImportEntry } from '../../common/import-entry/types';
import { pictureToIconPng } from '../icons/picture';

/** What a backup may keep besides the key, before it is checked. */
export interface RawExtras {
  readonly favorite?: unknown;
  readonly groups?: readonly unknown[];
  readonly note?: unknown;
  /** Picture bytes (PNG or JPEG) from the backup; other picture types are dropped. */
  readonly picture?: Uint8Array | null;
}

const clean = (text: string) =>
  [...text]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();

function groupsOf(raw: readonly unknown[]): string[] {
  const names = raw
    .filter((g): g is string => typeof g === 'string')
    .map((g) => clean(g).slice(0, ORGANISE_LIMITS.maxGroupLength))
    .filter((g) => g !== '');
  return [...new Set(names)].slice(0, ORGANISE_LIMITS.maxGroups);
}

/** An unreadable picture costs the account its picture, never the account itself. */
function iconOf(bytes: Uint8Array): AccountIcon | undefined {
  try {
    return { kind: 'picture', png: pictureToIconPng(bytes) };
  } catch {
    return undefined;
  }
}

/**
 * Adds favourite, groups, note and picture to an imported account, bounded like the editor
 * bounds them (a hostile file cannot bloat the vault). Failed entries pass through unchanged.
 */
export function withExtras(entry: ImportEntry, raw: RawExtras): ImportEntry {
  if (!entry.ok) return entry;
  const icon = raw.picture ? iconOf(raw.picture) : undefined;
  const note = typeof raw.note === 'string' ? raw.note.trim() : '';
  const groups = raw.groups ? groupsOf(raw.groups) : [];
  return {
    ...entry,
    draft: {
      ...entry.draft,
      ...(raw.favorite === true && { favorite: true }),
      ...(groups.length > 0 && { groups }),
      ...(note !== '' && { note: note.slice(0, ORGANISE_LIMITS.maxNoteLength) }),
      ...(icon && { icon }),
    },
  };
}
