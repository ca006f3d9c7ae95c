import {
  app,
  BrowserWindow,
  dialog,
  globalShortcut,
  powerMonitor,
  type WebContents,
} from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronScreenCapture } from './capture';
import { electronClipboard } from './clipboard';
import { defaultDataDir } from '../node/data-dir';
import { appBlockedMessage, waitForDataLock } from '../node/data-lock';
import { electronDialogs, electronImageDialog } from './dialogs';
import { hardenApp } from './hardening';
import { electronHotkey } from './hotkey';
import { createBridge } from '../node/ipc/handlers';
import { registerHandlers } from './ipc/register';
import { createKeytarKeychain } from '../node/keychain';
import { loginItemSupported, setStartAtLogin } from './login-item';
import { createPickerWindow } from './picker-window';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { followLinuxSessionLock } from './session-lock';
import { createTray } from './tray';
import { APP_ORIGIN } from '../node/shell/app-protocol';
import {
  LINK_SCHEMES,
  routeFirstLaunch,
  routeOpenUrl,
  routeSecondInstance,
  type LinkRoute,
} from '../node/shell/link-routing';
import { trayMenu } from '../node/shell/tray-model';
import { createServices, type Services } from '../node/services/container';
import type { ShellPort } from '../node/services/shell-port';
import { surfaceHears, type Surface } from '../shared/bridge-surfaces';
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
/** Operations after which the tray's favourites / recently used may have changed. */
const safely = <T>(make: () => T): T | null => {
  try {
    return make();
  } catch (error) {
    console.warn('latchkey: no tray icon:', error instanceof Error ? error.message : error);
    return null;
  }
};
const changesTray = /^(vault|accounts|clipboard|staging|security|groups|import):/;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  // Windows and macOS: register for otpauth:// links (Linux: the desktop entry's MimeType).
  if (process.platform !== 'linux') {
    for (const scheme of LINK_SCHEMES) {
      if (process.defaultApp && process.argv[1])
        app.setAsDefaultProtocolClient(scheme, process.execPath, [resolve(process.argv[1])]);
      else app.setAsDefaultProtocolClient(scheme);
    }
  }
  let window: BrowserWindow | null = null;
  let picker: ReturnType<typeof createPickerWindow> | null = null;
  let tray: ReturnType<typeof createTray> | null = null;
  let services: Services | null = null;
  let quitting = false;
  // The camera permission is granted only while the webcam scanner says it is open.
  let cameraWanted = false;
  hardenApp(trustedOrigins, () => cameraWanted);

  // Links can arrive before the services exist (macOS open-url at a cold start).
  const early: LinkRoute[] = [];
  const route = (link: LinkRoute) => (services ? services.links.open(link) : early.push(link));
  app.on('open-url', (event, url) => {
    event.preventDefault();
    route(routeOpenUrl(url));
  });
  app.on('second-instance', (_event, argv) => route(routeSecondInstance(argv)));
  app.on('before-quit', () => (quitting = true));
  // macOS: clicking the Dock icon brings back a window closed to the menu bar.
  app.on('activate', () => showMain());

  const showMain = () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  const surfaceOf = (contents: WebContents): Surface | null =>
    contents === window?.webContents
      ? 'main'
      : contents === picker?.window.webContents
        ? 'picker'
        : null;
  const refreshTray = () => tray?.refresh();

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
    const shell: ShellPort = {
      capabilities: { tray: true, startAtLogin: loginItemSupported },
      setHotkey: electronHotkey(() => picker?.toggle()),
      setStartAtLogin,
      closePicker: () => picker?.hide(),
      showWindow: showMain,
    };
    const running = createServices({
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
      shell,
      events: {
        emit: (event, payload) => {
          for (const [contents, surface] of [
            [window?.webContents, 'main'],
            [picker?.window.webContents, 'picker'],
          ] as const) {
            if (contents && surfaceHears(surface, event))
              contents.send(eventChannelFor(event), payload);
          }
          refreshTray();
        },
      },
    });
    services = running;
    const preferences = (await running.shell.start((error) => console.warn(error.message)))
      .preferences;
    app.on('will-quit', () => globalShortcut.unregisterAll());
    // Our code does not outlive the app on the clipboard. Electron's clipboard calls are
    // synchronous; the write follows in the microtask checkpoint that ends this event callback.
    app.on('will-quit', () => void running.clipboard.wipeNow());
    powerMonitor.on('suspend', () => running.autoLock.systemEvent('suspend'));
    powerMonitor.on('lock-screen', () => running.autoLock.systemEvent('screen-lock'));
    followLinuxSessionLock(() => running.autoLock.systemEvent('screen-lock'));
    registerHandlers(createBridge(running), trustedOrigins, surfaceOf, (operation) => {
      if (changesTray.test(operation)) refreshTray();
    });

    const launch = routeFirstLaunch(process.argv, preferences.startHidden);
    window = createMainWindow({
      preloadPath: preloadPath(mainDir),
      devServerUrl,
      hidden: launch.window === 'hidden',
    });
    // Close to tray: the window hides and Latchkey keeps running for the shortcut and the tray.
    window.on('close', (event) => {
      if (quitting || !tray || !running.shell.preferences.closeToTray) return;
      event.preventDefault();
      window?.hide();
    });
    window.on('closed', () => {
      window = null;
      app.quit();
    });
    picker = createPickerWindow({ preloadDir: dirname(preloadPath(mainDir)), devServerUrl });
    // A desktop without a tray area must not stop Latchkey: no tray then, and closing quits.
    tray = safely(() =>
      createTray(
        () => {
          const unlocked = running.vault.isUnlocked();
          return trayMenu(
            unlocked ? 'unlocked' : 'locked',
            unlocked ? running.accounts.list() : [],
          );
        },
        {
          copy: (id) => void running.clipboard.copyCode(id).then(refreshTray, () => {}),
          open: showMain,
          lock: () => void running.lockNow('user'),
          quit: () => app.quit(),
        },
      ),
    );
    running.links.open({ links: launch.links, window: 'leave' });
    for (const link of early.splice(0)) running.links.open(link);
  });

  app.on('window-all-closed', () => app.quit());
}
