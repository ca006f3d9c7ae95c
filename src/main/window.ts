import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from '../node/shell/app-protocol';
import { secureWebPreferences } from '../node/shell/web-preferences';

export interface WindowOptions {
  readonly preloadPath: string;
  /** electron-vite's dev server in development; app://latchkey/ otherwise. */
  readonly devServerUrl?: string;
  /** Started at login with "start hidden": stay in the tray until asked for. */
  readonly hidden?: boolean;
}

/** The one window: sandboxed, isolated, no Node, shown only once painted. */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 480,
    height: 720,
    minWidth: 360,
    minHeight: 480,
    show: false,
    title: 'Latchkey',
    backgroundColor: '#111418',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options.preloadPath, !!options.devServerUrl),
  });
  // Protected until the vault's own setting is known (applied on unlock).
  window.setContentProtection(true);
  if (!options.hidden) window.once('ready-to-show', () => window.show());
  void window.loadURL(options.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

export function preloadPath(mainDir: string): string {
  return join(mainDir, '../preload/index.cjs');
}
