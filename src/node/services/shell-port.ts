import type { ShellCapabilities } from '../../shared/preferences';

/**
 * What the desktop shell (Electron in the app) does for the services: the global shortcut,
 * start at login, the picker and main windows. The e2e harness and the CLI have no shell and
 * use `noShell`, which says so rather than pretending.
 */
export interface ShellPort {
  readonly capabilities: ShellCapabilities;
  /**
   * Makes `accelerator` the one global shortcut (null = none). 'refused' when the OS would not
   * register it; 'unavailable' where this process cannot register shortcuts at all.
   */
  setHotkey(accelerator: string | null): 'active' | 'refused' | 'unavailable';
  /** Starts Latchkey at login (optionally hidden in the tray), or stops doing so. */
  setStartAtLogin(on: boolean, hidden: boolean): Promise<void>;
  /** Hides the quick picker, handing focus back to the app the user came from. */
  closePicker(): void;
  /** Shows and focuses the main window (a link arrived, the tray was clicked). */
  showWindow(): void;
}

export const noShell: ShellPort = {
  capabilities: { tray: false, startAtLogin: false },
  setHotkey: (accelerator) => (accelerator === null ? 'active' : 'unavailable'),
  setStartAtLogin: async () => {},
  closePicker: () => {},
  showWindow: () => {},
};
