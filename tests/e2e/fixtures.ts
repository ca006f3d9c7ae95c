import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBridge } from '../../src/node/ipc/handlers';
import { createKeytarKeychain } from '../../src/node/keychain';
import { createServices, type Ports, type Services } from '../../src/node/services/container';
import type { EventSink } from '../../src/node/services/ports';
import { startRendererServer } from './harness/static-server';
import { installTestBridge } from './harness/test-bridge';
import { startXvfb } from './harness/x-display';
import { xClipboard } from './harness/x-clipboard';

export const RENDERER_DIR = resolve(fileURLToPath(new URL('../../out/renderer', import.meta.url)));

/**
 * How the vault is when the page first opens: 'ready' = created and unlocked (with the
 * keychain when one is available, and always with TEST_PASSWORD); 'absent' = first run.
 */
export type VaultSetup = 'ready' | 'absent';
export const TEST_PASSWORD = 'correct horse battery staple';
/** A service name of its own, so a developer's real keyring is never touched by tests. */
export const TEST_KEYCHAIN_SERVICE = 'Latchkey (tests)';

export interface LatchkeyApp {
  readonly page: Page;
  /** The running main-side services (replaced by restart()). */
  readonly services: Services;
  readonly origin: string;
  readonly dataDir: string;
  readonly display: string;
  /** Reads the real X clipboard the app wrote to. */
  readonly readClipboard: () => Promise<string>;
  /** Stops the services and starts fresh ones on the same data folder and keychain, then reloads the page. */
  readonly restart: (ports?: Partial<Ports>) => Promise<void>;
}

interface Fixtures {
  vaultSetup: VaultSetup;
  app: LatchkeyApp;
}
interface WorkerFixtures {
  xDisplay: string;
}

/**
 * Every end-to-end test gets: an X display (for the real clipboard and screen), the built
 * renderer on loopback with the app:// headers, the real main-side services in this process
 * (a real vault in a temp folder, real keytar against the session's keyring), and the page
 * wired to them through the test bridge. CSP violations and page errors fail the test.
 */
export const test = base.extend<Fixtures, WorkerFixtures>({
  xDisplay: [
    // Playwright reads a fixture's dependencies from this pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const x = await startXvfb();
      await use(x.display);
      x.stop();
    },
    { scope: 'worker' },
  ],
  vaultSetup: ['ready', { option: true }],
  app: async ({ page, xDisplay, vaultSetup }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'latchkey-e2e-'));
    const server = await startRendererServer(RENDERER_DIR);
    const clipboard = xClipboard(xDisplay);
    const keychain = createKeytarKeychain(TEST_KEYCHAIN_SERVICE);
    let sink: EventSink['emit'] = () => {};
    const start = (ports: Partial<Ports> = {}) =>
      createServices({
        clipboard,
        appVersion: '0.0.0-test',
        dataDir,
        keychain,
        events: { emit: (event, payload) => sink(event, payload) },
        ...ports,
      });
    let services = start();
    let bridgeForServices = createBridge(services);
    if (vaultSetup === 'ready') {
      await services.vault.create({
        keychain: await keychain.available(),
        password: TEST_PASSWORD,
      });
      services.unlocked();
    }
    const bridge = await installTestBridge(page, () => bridgeForServices, server.origin);
    sink = bridge.emit;
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.origin}/index.html`);

    const app: LatchkeyApp = {
      page,
      get services() {
        return services;
      },
      origin: server.origin,
      dataDir,
      display: xDisplay,
      readClipboard: clipboard.readText,
      restart: async (ports) => {
        services.autoLock.disarm();
        await services.vault.lock();
        services = start(ports);
        bridgeForServices = createBridge(services);
        await page.reload();
      },
    };
    await use(app);

    const violations = await within(
      10_000,
      'reading CSP violations',
      page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
    );
    expect(violations ?? [], 'Content-Security-Policy violations').toEqual([]);
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
    services.autoLock.disarm();
    await within(15_000, 'erasing the vault', services.vault.eraseAll('ERASE'));
    await within(10_000, 'closing the renderer server', server.close());
    rmSync(dataDir, { recursive: true, force: true });
  },
});

/**
 * Cleanup that must not eat the test's time budget: a step that takes too long is reported
 * (so a hang is visible) and cleanup goes on.
 */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      console.warn(`e2e teardown: ${what} took longer than ${ms} ms; going on`);
      resolve(undefined);
    }, ms);
  });
  try {
    return await Promise.race([promise.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

export { expect };
