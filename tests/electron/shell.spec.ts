import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PICKER_OPERATIONS } from '../../src/shared/bridge-surfaces';
import { AUTOSTART_FILE } from '../../src/node/shell/autostart';
import {
  clipboardMarkers,
  clipboardPlatform,
  electronRawFormat,
} from '../../src/node/shell/clipboard-format';
import { electronBinary } from './electron-binary';

/**
 * The thin Electron shell of issue 13 (the quick picker window, the tray's menu, link handling,
 * the login item, the clipboard markers). Everything it decides is unit-tested in plain Node;
 * these check that Electron does what the adapters ask. They need the Electron binary.
 */
const binary = electronBinary();
const skipReason = 'missing' in binary ? binary.missing : '';
if (skipReason) console.log(`[electron shell tests] skipped: ${skipReason}`);

const appDir = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const PASSWORD = 'correct horse battery staple';
const LINK = 'otpauth://totp/Electron:links?secret=JBSWY3DPEHPK3PXP&issuer=Electron';

test.describe('the desktop shell (needs the Electron binary)', () => {
  test.skip(!!skipReason, skipReason);
  let app: ElectronApplication;
  let page: Page;
  let home: string;
  const env = () => ({
    ...process.env,
    LATCHKEY_DATA_DIR: join(home, 'data'),
    XDG_CONFIG_HOME: join(home, 'config'),
  });

  test.beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'latchkey-shell-'));
    app = await electron.launch({
      args: [appDir],
      env: env(),
      executablePath: 'path' in binary ? binary.path : undefined,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    // A vault through the bridge (the set-up screen has its own tests); the page then reloads unlocked.
    await page.evaluate(
      (password) => window.latchkey['vault:create']({ keychain: false, password }),
      PASSWORD,
    );
    await page.reload();
    await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
  });
  test.afterAll(async () => {
    await app?.close();
    rmSync(home, { recursive: true, force: true });
  });

  test('the quick picker is a frameless, always-on-top window granted only its operations', async () => {
    const picker = app.windows().find((w) => w.url().endsWith('/picker.html'));
    expect(picker).toBeDefined();
    expect(await picker!.evaluate(() => Object.keys(window.latchkey).sort())).toEqual(
      [...PICKER_OPERATIONS, 'on'].sort(),
    );
    const shape = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows().find((x) =>
        x.webContents.getURL().endsWith('/picker.html'),
      )!;
      return { onTop: w.isAlwaysOnTop(), visible: w.isVisible(), resizable: w.isResizable() };
    });
    expect(shape).toEqual({ onTop: true, visible: false, resizable: false });
    // The default shortcut is registered (unless this desktop refuses global shortcuts).
    const registered = await app.evaluate(({ globalShortcut }) =>
      globalShortcut.isRegistered('CommandOrControl+Alt+K'),
    );
    expect(typeof registered).toBe('boolean');
  });

  test('a copied code carries this platform’s clipboard markers in the same write', async () => {
    await page.evaluate(async (link) => {
      await window.latchkey['accounts:add-uri']({ uri: link });
    }, LINK);
    const id = await page.evaluate(async () => {
      const list = await window.latchkey['accounts:list']({});
      return list.ok ? list.value[0]!.id : '';
    });
    await page.evaluate(
      (accountId) => window.latchkey['clipboard:copy-code']({ id: accountId }),
      id,
    );
    const formats = clipboardMarkers(clipboardPlatform(process.platform)).map((m) =>
      electronRawFormat(m.format),
    );
    const present = await app.evaluate(async ({ clipboard }, names) => {
      const text = await clipboard.readText();
      return { text, markers: await Promise.all(names.map((n) => clipboard.has(n))) };
    }, formats);
    expect(present.text).toMatch(/^\d{6}$/);
    expect(present.markers).toEqual(formats.map(() => true));
  });

  test('a second instance with an otpauth:// link opens the confirmation screen in the first', async () => {
    if (process.platform === 'darwin')
      test.skip(true, 'macOS delivers links by open-url, not argv');
    const second = spawn(
      'path' in binary ? binary.path : '',
      [appDir, LINK.replace('links', 'second')],
      {
        env: env(),
        stdio: 'ignore',
      },
    );
    await new Promise((r) => second.on('exit', r));
    await expect(page.getByTestId('found-item')).toContainText('Electron');
    await page.getByRole('button', { name: 'Add 1 account' }).click();
  });

  test('the app is the otpauth:// handler on Windows and macOS', async () => {
    test.skip(
      process.platform === 'linux',
      'Linux: the desktop entry from packaging declares the handler',
    );
    const registered = await app.evaluate(({ app: a }) => [
      a.isDefaultProtocolClient('otpauth'),
      a.isDefaultProtocolClient('otpauth-migration'),
    ]);
    expect(registered).toEqual([true, true]);
  });

  test('start at login: a login item, or an XDG autostart entry on Linux', async () => {
    const result = await page.evaluate(() =>
      window.latchkey['preferences:update']({ startAtLogin: true, startHidden: true }),
    );
    expect(result.ok).toBe(true);
    if (process.platform === 'linux') {
      const file = join(home, 'config', 'autostart', AUTOSTART_FILE);
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file, 'utf8')).toMatch(/^Exec=.* --hidden$/m);
    } else {
      const settings = await app.evaluate(({ app: a }) => a.getLoginItemSettings());
      expect(settings.openAtLogin).toBe(true);
    }
    await page.evaluate(() => window.latchkey['preferences:update']({ startAtLogin: false }));
    if (process.platform === 'linux')
      expect(existsSync(join(home, 'config', 'autostart', AUTOSTART_FILE))).toBe(false);
  });

  test('the tray exists: closing the window keeps Latchkey running in it (close to tray is on by default)', async () => {
    await app.evaluate(({ BrowserWindow }) => {
      BrowserWindow.getAllWindows()
        .find((w) => w.webContents.getURL().endsWith('/index.html'))
        ?.close();
    });
    const state = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => ({
        url: w.webContents.getURL(),
        visible: w.isVisible(),
      })),
    );
    expect(state.find((w) => w.url.endsWith('/index.html'))).toEqual(
      expect.objectContaining({ visible: false }),
    );
  });
});
