import { app, BrowserWindow, screen } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from '../node/shell/app-protocol';
import { pickerBounds, PICKER_SIZE } from '../node/shell/picker-placement';
import { secureWebPreferences } from '../node/shell/web-preferences';
import { SURFACE_PAGES } from '../shared/bridge-surfaces';
import { eventChannelFor } from '../shared/ipc-channels';

/**
 * The quick picker: a small frameless, always-on-top window, created once and hidden between
 * uses so it appears at once. Shown on the display with the pointer; hidden on Escape, after a
 * copy, or when it loses focus.
 */
export function createPickerWindow(options: { preloadDir: string; devServerUrl?: string }) {
  const window = new BrowserWindow({
    ...PICKER_SIZE,
    show: false,
    frame: false,
    resizable: false,
    movable: true,
    alwaysOnTop: true,
    skipTaskbar: true,
    fullscreenable: false,
    minimizable: false,
    maximizable: false,
    title: 'Latchkey',
    backgroundColor: '#111418',
    webPreferences: secureWebPreferences(
      join(options.preloadDir, 'index.cjs'),
      !!options.devServerUrl,
    ),
  });
  window.setContentProtection(true);
  void window.loadURL(`${options.devServerUrl ?? APP_ORIGIN}/${SURFACE_PAGES.picker}`);
  window.on('blur', () => hide());

  // Whether the user was in Latchkey itself when the picker opened (then focus stays here).
  let cameFromLatchkey = false;

  function show(): void {
    cameFromLatchkey = BrowserWindow.getFocusedWindow() !== null;
    const cursor = screen.getCursorScreenPoint();
    window.setBounds(
      pickerBounds(
        cursor,
        screen.getAllDisplays().map((d) => d.workArea),
      ),
    );
    window.webContents.send(eventChannelFor('picker-opened'), {});
    window.show();
    window.focus();
  }

  function hide(): void {
    if (!window.isVisible()) return;
    window.hide();
    // macOS gives focus back to the previous app only when the whole app hides.
    if (process.platform === 'darwin' && !cameFromLatchkey) app.hide();
  }

  return { window, show, hide, toggle: () => (window.isVisible() ? hide() : show()) };
}
