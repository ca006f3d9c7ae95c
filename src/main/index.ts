import { app, BrowserWindow, dialog, globalShortcut, powerMonitor } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronScreenCapture } from './capture';
import { electronClipboard } from './clipboard';
import { defaultDataDir } from '../node/data-dir';
import { appBlockedMessage, waitForDataLock } from '../node/data-lock';
import { electronDialogs, electronImageDialog } from './dialogs';
import { hardenApp } from './hardening';
import { createBridge } from '../node/ipc/handlers';
import { registerHandlers } from './ipc/register';
import { createKeytarKeychain } from '../node/keychain';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { APP_ORIGIN } from '../node/shell/app-protocol';
import { createServices } from '../node/services/container';
import { COPY_HOTKEY, hotkeyAccount } from '../node/services/hotkey';
import { eventChannelFor } from '../shared/ipc-channels';
import { createMainWindow, preloadPath } from './window';

// Wiring only: every decision lives in a module of its own.
const mainDir = dirname(fileURLToPath(import.meta.url));
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
// In development the page comes from electron-vite's server (and its hot-reload socket).
const devOrigins = devServerUrl
  ? [new URL(devServerUrl).origin, new URL(devServerUrl).origin.replace(/^http/, 'ws')]
  : [];
const trustedOrigins = [APP_ORIGIN, ...devOrigins];

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  let window: BrowserWindow | null = null;
  // The camera permission is granted only while the webcam scanner says it is open.
  let cameraWanted = false;
  hardenApp(trustedOrigins, () => cameraWanted);

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  void app.whenReady().then(async () => {
    const dataDir = defaultDataDir();
    // The data folder's write lock, held while the app runs: `latchkey` write commands refuse
    // meanwhile, and a CLI write in progress keeps the app from opening the vault.
    const dataLock = await waitForDataLock(dataDir, 'app');
    if (!dataLock.ok) {
      dialog.showErrorBox('Latchkey', appBlockedMessage(dataLock.holder));
      app.quit();
      return;
    }
    app.on('will-quit', () => dataLock.lock.releaseSync());
    handleAppProtocol(join(mainDir, '../renderer'));
    const services = createServices({
      clipboard: electronClipboard,
      appVersion: app.getVersion(),
      dataDir,
      keychain: createKeytarKeychain(),
      systemIdleSeconds: () => powerMonitor.getSystemIdleTime(),
      capture: electronScreenCapture,
      imageFile: electronImageDialog(() => window),
      dialogs: electronDialogs(() => window),
      camera: { setWanted: (active) => (cameraWanted = active) },
      window: { setContentProtection: (on) => window?.setContentProtection(on) },
      events: {
        emit: (event, payload) => window?.webContents.send(eventChannelFor(event), payload),
      },
    });
    // One keystroke from anywhere: copy the code you are most likely to need; if locked, show the window.
    globalShortcut.register(COPY_HOTKEY, () => {
      const unlocked = (() => {
        try {
          return services.accounts.list();
        } catch {
          return null;
        }
      })();
      const account = unlocked && hotkeyAccount(unlocked);
      if (account) void services.clipboard.copyCode(account.id).catch(() => {});
      else window?.show();
    });
    app.on('will-quit', () => globalShortcut.unregisterAll());
    powerMonitor.on('suspend', () => services.autoLock.systemEvent('suspend'));
    powerMonitor.on('lock-screen', () => services.autoLock.systemEvent('screen-lock'));
    registerHandlers(
      createBridge(services),
      trustedOrigins,
      (contents) => contents === window?.webContents,
    );
    window = createMainWindow({ preloadPath: preloadPath(mainDir), devServerUrl });
    window.on('closed', () => (window = null));
  });

  app.on('window-all-closed', () => app.quit());
}
