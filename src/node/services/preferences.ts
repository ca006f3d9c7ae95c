import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LatchkeyError } from '../../shared/errors';
import { parseHotkey } from '../../shared/hotkey';
import {
  CLIPBOARD_CLEAR_LIMITS,
  DEFAULT_PREFERENCES,
  type Preferences,
} from '../../shared/preferences';

export const PREFERENCES_FILE = 'preferences.json';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads preferences leniently: a field that is missing or not valid falls back to its default
 * on its own (a hand-edited file with one bad value keeps the others). Never throws.
 */
export function checkPreferences(value: unknown): Preferences {
  const v = isRecord(value) ? value : {};
  const bool = (key: 'closeToTray' | 'startAtLogin' | 'startHidden') =>
    typeof v[key] === 'boolean' ? (v[key] as boolean) : DEFAULT_PREFERENCES[key];
  const hotkey = (() => {
    if (v.hotkey === null) return null;
    if (typeof v.hotkey !== 'string') return DEFAULT_PREFERENCES.hotkey;
    try {
      return parseHotkey(v.hotkey).accelerator;
    } catch {
      return DEFAULT_PREFERENCES.hotkey;
    }
  })();
  const seconds = v.clipboardClearSeconds;
  const clipboardClearSeconds =
    seconds === null ||
    (typeof seconds === 'number' &&
      Number.isInteger(seconds) &&
      seconds >= CLIPBOARD_CLEAR_LIMITS.min &&
      seconds <= CLIPBOARD_CLEAR_LIMITS.max)
      ? seconds
      : DEFAULT_PREFERENCES.clipboardClearSeconds;
  return {
    hotkey,
    closeToTray: bool('closeToTray'),
    startAtLogin: bool('startAtLogin'),
    startHidden: bool('startHidden'),
    clipboardClearSeconds,
  };
}

/**
 * `preferences.json` in the data folder: plain JSON, no secret in it, readable while the vault
 * is locked. Written whole through a temporary file and a rename so a crash leaves the old file.
 */
export class PreferencesStore {
  #current: Preferences = DEFAULT_PREFERENCES;

  constructor(private readonly dataDir: string) {}

  get current(): Preferences {
    return this.#current;
  }

  /** Loads the file; a missing file means defaults, an unreadable one is reported once and ignored. */
  async load(report: (error: LatchkeyError) => void = () => {}): Promise<Preferences> {
    let text: string | null = null;
    try {
      text = await readFile(join(this.dataDir, PREFERENCES_FILE), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        report(new LatchkeyError('preferences.unreadable'));
    }
    if (text !== null) {
      try {
        this.#current = checkPreferences(JSON.parse(text));
      } catch {
        report(new LatchkeyError('preferences.unreadable'));
      }
    }
    return this.#current;
  }

  async save(next: Preferences): Promise<Preferences> {
    const checked = checkPreferences(next);
    const file = join(this.dataDir, PREFERENCES_FILE);
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      await mkdir(this.dataDir, { recursive: true, mode: 0o700 });
      await writeFile(temporary, `${JSON.stringify(checked, null, 2)}\n`, { mode: 0o600 });
      await rename(temporary, file);
    } catch {
      throw new LatchkeyError('preferences.unsaved');
    }
    this.#current = checked;
    return checked;
  }
}
