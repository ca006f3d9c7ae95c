import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPERATION_NAMES } from '../../src/shared/bridge-channels';
import { electronBinary } from './electron-binary';

const binary = electronBinary();
const skipReason = 'missing' in binary ? binary.missing : '';
if (skipReason) console.log(`[electron tests] skipped: ${skipReason}`);

const appDir = resolve(fileURLToPath(new URL('../..', import.meta.url)));

test.describe('the packaged shell (needs the Electron binary)', () => {
  test.skip(!!skipReason, skipReason);
  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    app = await electron.launch({
      args: [appDir],
      executablePath: 'path' in binary ? binary.path : undefined,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });
  test.afterAll(async () => app?.close());

  test('the page has no Node and is served from app://', async () => {
    const globals = await page.evaluate(() => [
      typeof (globalThis as Record<string, unknown>).require,
      typeof (globalThis as Record<string, unknown>).process,
    ]);
    expect(globals).toEqual(['undefined', 'undefined']);
    expect(page.url()).toMatch(/^app:\/\/latchkey\//);
  });

  test('window.latchkey exposes exactly the contract operations', async () => {
    expect(await page.evaluate(() => Object.keys(window.latchkey).sort())).toEqual(
      [...OPERATION_NAMES, 'on'].sort(),
    );
  });

  test('navigation, new windows and the network are blocked', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    const fetched = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'loaded',
        () => 'blocked',
      ),
    );
    expect(fetched).toBe('blocked');
    expect(app.windows()).toHaveLength(1);
  });

  test('app:// refuses path traversal and serves the CSP header', async () => {
    const traversal = await page.evaluate(() =>
      fetch('app://latchkey/..%2f..%2fpackage.json').then(
        (r) => r.status,
        () => 'blocked',
      ),
    );
    expect(traversal === 404 || traversal === 'blocked').toBe(true);
    const csp = await page.evaluate(() =>
      fetch('app://latchkey/index.html').then((r) => r.headers.get('content-security-policy')),
    );
    expect(csp).toContain("default-src 'none'");
  });

  test('the camera is denied outside the scanner', async () => {
    const outcome = await page.evaluate(() =>
      navigator.mediaDevices.getUserMedia({ video: true }).then(
        () => 'granted',
        (e: Error) => e.name,
      ),
    );
    expect(outcome).not.toBe('granted');
  });

  test('an account added from a link shows a 6-digit code', async () => {
    await page.getByRole('button', { name: 'Add account' }).first().click();
    await page
      .getByLabel('Authenticator link')
      .fill('otpauth://totp/Electron:me?secret=JBSWY3DPEHPK3PXP&issuer=Electron');
    await page.getByRole('button', { name: 'Add account' }).click();
    await expect(page.getByTestId('code').first()).toHaveAttribute('data-code', /^\d{6}$/);
  });
});
