/** Problems with the parts of Latchkey outside its window: the shortcut, the tray, links, preferences. */
export const shellErrorMessages = {
  'hotkey.invalid': 'That is not a shortcut Latchkey can use.',
  'hotkey.refused':
    'Another app (or the desktop) already uses this shortcut, so the system refused it. Choose another one, or turn the shortcut off.',
  'preferences.unreadable':
    'Latchkey’s preferences file could not be read; the defaults are used until you change a setting.',
  'preferences.unsaved': 'The preference could not be saved. Nothing was changed.',
  'login-item.failed': 'Latchkey could not change whether it starts when you log in.',
} as const;
export type ShellErrorCode = keyof typeof shellErrorMessages;
