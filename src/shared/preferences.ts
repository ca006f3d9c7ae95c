/**
 * Preferences of the app around the vault — the global shortcut, the tray, starting at login,
 * the clipboard wipe. They hold no secret and must be known while the vault is locked (the
 * shortcut and the tray work before unlocking), so they live in their own file next to the
 * vault rather than inside it.
 */
export interface Preferences {
  /** The global shortcut that opens the quick picker, as an accelerator; null = off. */
  readonly hotkey: string | null;
  /** Closing the window keeps Latchkey running in the tray / menu bar. */
  readonly closeToTray: boolean;
  /** Start Latchkey when the user logs in. */
  readonly startAtLogin: boolean;
  /** When started at login, start in the tray without showing the window. */
  readonly startHidden: boolean;
  /** Seconds before a copied code is wiped from the clipboard; null = never. */
  readonly clipboardClearSeconds: number | null;
}

export const DEFAULT_HOTKEY = 'CommandOrControl+Alt+K';

export const CLIPBOARD_CLEAR_LIMITS = { min: 10, max: 120 } as const;
/** What Settings offers; any whole number of seconds within the limits is valid. */
export const CLIPBOARD_CLEAR_CHOICES: readonly (number | null)[] = [
  10,
  20,
  30,
  45,
  60,
  90,
  120,
  null,
];

export const DEFAULT_PREFERENCES: Preferences = {
  hotkey: DEFAULT_HOTKEY,
  closeToTray: true,
  startAtLogin: false,
  startHidden: false,
  clipboardClearSeconds: 30,
};

/** Whether the global shortcut works right now, and if not, why. */
export type HotkeyStatus =
  | { readonly state: 'off' }
  | { readonly state: 'active'; readonly accelerator: string }
  /** The OS refused it: another app holds it (or the desktop does not allow global shortcuts). */
  | { readonly state: 'refused'; readonly accelerator: string }
  /** This process has no way to register shortcuts (e.g. the test harness). */
  | { readonly state: 'unavailable' };

/** What the platform offers around the window, so Settings shows only what works here. */
export interface ShellCapabilities {
  readonly tray: boolean;
  readonly startAtLogin: boolean;
}

export interface PreferencesView {
  readonly preferences: Preferences;
  readonly hotkey: HotkeyStatus;
  readonly capabilities: ShellCapabilities;
}
