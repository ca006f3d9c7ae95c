/** The keyboard shortcuts the `?` sheet lists, in the order a new user meets them (⌘ for Ctrl on a Mac). */
export interface Shortcut {
  readonly keys: readonly (readonly string[])[];
  readonly action: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: [['Ctrl', 'F'], ['/']], action: 'Search accounts' },
  { keys: [['a–z']], action: 'Start a search from the list' },
  { keys: [['↑'], ['↓']], action: 'Move through accounts or search results' },
  { keys: [['Enter']], action: 'Copy the selected code (the first result while searching)' },
  {
    keys: [
      ['Alt', '↑'],
      ['Alt', '↓'],
    ],
    action: 'Move an account up or down (custom order)',
  },
  { keys: [['Enter']], action: 'Submit the form you are in' },
  { keys: [['Ctrl', 'Shift', 'S']], action: 'Add account: scan every screen for a QR code' },
  { keys: [['Ctrl', 'O']], action: 'Add account: open a picture of a QR code' },
  { keys: [['Ctrl', 'V']], action: 'Add account: paste a screenshot' },
  { keys: [['Ctrl', 'Shift', 'C']], action: 'Add account: scan with the webcam' },
  { keys: [['Esc']], action: 'Clear the search, or close the screen or dialog' },
  { keys: [['?']], action: 'Show these shortcuts' },
];

/** True when a key typed here is text for a field, not a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(
    target.type,
  );
}
