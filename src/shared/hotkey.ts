import { LatchkeyError } from './errors';

/**
 * Global shortcuts in Electron's accelerator syntax ("CommandOrControl+Alt+K"). Parsing and
 * checking live here, pure, so Settings can show a choice before main tries it and main can
 * refuse a malformed one with a specific reason. Facts from Electron's accelerator reference
 * (docs/api/accelerator.md): the modifier names and aliases and the key codes below.
 */

const MODIFIER_ALIASES: Record<string, Modifier> = {
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};
/** Canonical order, so one shortcut always has one spelling. */
const MODIFIER_ORDER = [
  'CommandOrControl',
  'Command',
  'Control',
  'Alt',
  'AltGr',
  'Shift',
  'Super',
] as const;
type Modifier = (typeof MODIFIER_ORDER)[number];

const NAMED_KEYS = [
  'Plus',
  'Space',
  'Tab',
  'Capslock',
  'Numlock',
  'Scrolllock',
  'Backspace',
  'Delete',
  'Insert',
  'Return',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'VolumeUp',
  'VolumeDown',
  'VolumeMute',
  'MediaNextTrack',
  'MediaPreviousTrack',
  'MediaStop',
  'MediaPlayPause',
  'PrintScreen',
  'num0',
  'num1',
  'num2',
  'num3',
  'num4',
  'num5',
  'num6',
  'num7',
  'num8',
  'num9',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
] as const;
const KEY_ALIASES: Record<string, string> = { enter: 'Return', esc: 'Escape' };
const PUNCTUATION = new Set([...`~!@#$%^&*()_-=[]{}\\|;:'",.<>/?\``]);

export interface Hotkey {
  readonly modifiers: readonly Modifier[];
  readonly key: string;
  /** The canonical accelerator string. */
  readonly accelerator: string;
}

function canonicalKey(part: string): string | null {
  if (/^[a-z0-9]$/i.test(part)) return part.toUpperCase();
  if (/^f([1-9]|1[0-9]|2[0-4])$/i.test(part)) return part.toUpperCase();
  if (PUNCTUATION.has(part)) return part;
  const lower = part.toLowerCase();
  if (KEY_ALIASES[lower]) return KEY_ALIASES[lower];
  return NAMED_KEYS.find((k) => k.toLowerCase() === lower) ?? null;
}

const invalid = (reason: string) =>
  new LatchkeyError('hotkey.invalid', {
    message: `That is not a shortcut Latchkey can use. ${reason}`,
    details: { reason },
  });

/**
 * Parses and checks a global shortcut: one key and at least one modifier other than Shift (a
 * global shortcut without one would swallow ordinary typing in every app). Throws
 * `hotkey.invalid` with the reason.
 */
export function parseHotkey(text: string): Hotkey {
  // "+" separates parts; a literal plus is the key name "Plus".
  const parts = text
    .trim()
    .split('+')
    .map((p) => p.trim());
  if (text.length > 100 || parts.some((p) => p === '')) throw invalid('Write it like Ctrl+Alt+K.');
  const modifiers = new Set<Modifier>();
  let key: string | null = null;
  for (const part of parts) {
    const modifier = MODIFIER_ALIASES[part.toLowerCase()];
    if (modifier) {
      if (modifiers.has(modifier)) throw invalid(`${modifier} appears twice.`);
      modifiers.add(modifier);
      continue;
    }
    const named = canonicalKey(part);
    if (!named) throw invalid(`“${part}” is not a key Latchkey knows.`);
    if (key) throw invalid('A shortcut has one key besides its modifiers.');
    key = named;
  }
  if (!key) throw invalid('Add a key, e.g. K, to the modifiers.');
  const ordered = MODIFIER_ORDER.filter((m) => modifiers.has(m));
  if (!ordered.some((m) => m !== 'Shift'))
    throw invalid(
      'Use Ctrl, Alt, ⌘ or the Super key with it, so it does not catch ordinary typing.',
    );
  return { modifiers: ordered, key, accelerator: [...ordered, key].join('+') };
}

const MAC_SYMBOLS: Record<Modifier, string> = {
  CommandOrControl: '⌘',
  Command: '⌘',
  Control: '⌃',
  Alt: '⌥',
  AltGr: '⌥',
  Shift: '⇧',
  Super: '⌘',
};
const OTHER_NAMES: Record<Modifier, string> = {
  CommandOrControl: 'Ctrl',
  Command: 'Super',
  Control: 'Ctrl',
  Alt: 'Alt',
  AltGr: 'AltGr',
  Shift: 'Shift',
  Super: 'Super',
};

/** How a shortcut reads on this platform: "⌘⌥K" on macOS, "Ctrl+Alt+K" elsewhere. */
export function describeHotkey(accelerator: string, mac: boolean): string {
  const { modifiers, key } = parseHotkey(accelerator);
  return mac
    ? modifiers.map((m) => MAC_SYMBOLS[m]).join('') + key
    : [...modifiers.map((m) => OTHER_NAMES[m]), key].join('+');
}

/** The parts of a keyboard event a shortcut recorder needs (DOM KeyboardEvent satisfies it). */
export interface KeyPress {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly metaKey: boolean;
}

const CODE_KEYS: Record<string, string> = {
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Enter: 'Return',
  NumpadEnter: 'Return',
  Space: 'Space',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  Escape: 'Escape',
  PrintScreen: 'PrintScreen',
};

/** The key of a press, by physical position for letters and digits (layout-independent like Electron's). */
function keyOfPress(press: KeyPress): string | null {
  const letter = /^Key([A-Z])$/.exec(press.code);
  if (letter) return letter[1]!;
  const digit = /^Digit([0-9])$/.exec(press.code);
  if (digit) return digit[1]!;
  const numpad = /^Numpad([0-9])$/.exec(press.code);
  if (numpad) return `num${numpad[1]}`;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(press.code)) return press.code;
  if (CODE_KEYS[press.code]) return CODE_KEYS[press.code]!;
  return press.key.length === 1 && PUNCTUATION.has(press.key) ? press.key : null;
}

/**
 * The accelerator a key press spells, for the "press the new shortcut" field; null while only
 * modifiers are down. Ctrl (or ⌘ on macOS) becomes CommandOrControl so a shortcut set on one
 * platform means the same on the others.
 */
export function hotkeyFromPress(press: KeyPress, mac: boolean): string | null {
  const key = keyOfPress(press);
  if (!key) return null;
  const modifiers: Modifier[] = [];
  if (mac ? press.metaKey : press.ctrlKey) modifiers.push('CommandOrControl');
  if (mac && press.ctrlKey) modifiers.push('Control');
  if (press.altKey) modifiers.push('Alt');
  if (press.shiftKey) modifiers.push('Shift');
  if (!mac && press.metaKey) modifiers.push('Super');
  return [...modifiers, key].join('+');
}
