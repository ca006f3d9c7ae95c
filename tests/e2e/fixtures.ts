import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../../src/main/ipc/handlers';
import { createServices, type Services } from '../../src/main/services/container';
import type { EventSink } from '../../src/main/services/ports';
import { startRendererServer } from './harness/static-server';
import { installTestBridge } from './harness/test-bridge';
import { startXvfb } from './harness/x-display';
import { xClipboard } from './harness/x-clipboard';

export const RENDERER_DIR = resolve(fileURLToPath(new URL('../../out/renderer', import.meta.url)));

export interface LatchkeyApp {
  readonly page: Page;
  readonly services: Services;
  readonly origin: string;
  readonly dataDir: string;
  readonly display: string;
  /** Reads the real X clipboard the app wrote to. */
  readonly readClipboard: () => Promise<string>;
  /** Opens (or reopens) the page; services keep running. */
  readonly open: () => Promise<void>;
}

interface Fixtures {
  app: LatchkeyApp;
}
interface WorkerFixtures {
  xDisplay: string;
}

/**
 * Every end-to-end test gets: an X display (for the real clipboard and screen), the built
 * renderer on loopback with the app:// headers, the real main-side services in this process,
 * and the page wired to them through the test bridge. CSP violations and page errors fail the
 * test.
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
  app: async ({ page, xDisplay }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'latchkey-e2e-'));
    const server = await startRendererServer(RENDERER_DIR);
    const clipboard = xClipboard(xDisplay);
    let sink: EventSink['emit'] = () => {};
    const services = createServices({
      clipboard,
      appVersion: '0.0.0-test',
      events: { emit: (event, payload) => sink(event, payload) },
    });
    const bridge = await installTestBridge(page, createHandlers(services), server.origin);
    sink = bridge.emit;
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const open = async () => {
      await page.goto(`${server.origin}/index.html`);
    };
    await open();
    await use({ page, services, origin: server.origin, dataDir, display: xDisplay, readClipboard: clipboard.readText, open });
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations).catch(() => []);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
