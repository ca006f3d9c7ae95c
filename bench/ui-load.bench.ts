import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBridge } from '../src/node/ipc/handlers';
import { createServices } from '../src/node/services/container';
import { chromiumLaunchOptions } from '../tests/e2e/harness/chromium';
import { startRendererServer } from '../tests/e2e/harness/static-server';
import { installTestBridge } from '../tests/e2e/harness/test-bridge';
import { type BenchRow, summarize } from './harness';

/**
 * First codes visible after the page loads (budget: 1,000 accounts ≤ 300 ms), in Chromium
 * against the built renderer and the real services — the end-to-end harness, timed. Baseline:
 * the same load with a single account, measured in the same run. Needs `npm run build` first.
 */
const RENDERER = join(import.meta.dirname, '..', 'out', 'renderer');
const RUNS = 7;

interface Load {
  readonly firstCode: number[];
  /** Time the page waits on the test bridge for the two lists (Electron IPC is not measurable here). */
  readonly transport: number[];
}

async function firstCodeMs(count: number): Promise<Load> {
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-bench-ui-'));
  const services = createServices({
    clipboard: { writeText: async () => {}, readText: async () => '' },
    events: { emit: () => {} },
    appVersion: 'bench',
    dataDir: dir,
    keychain: null,
  });
  await services.vault.create({ keychain: false, password: 'benchmark password' });
  await services.accounts.addMany(
    Array.from({ length: count }, (_, i) => ({
      issuer: `Service ${i}`,
      name: `user${i}@example.com`,
      otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 } as const,
      secret: Uint8Array.from({ length: 20 }, (_, b) => (i + b * 31) & 0xff),
    })),
    Date.now(),
  );
  const server = await startRendererServer(RENDERER);
  const browser = await chromium.launch(chromiumLaunchOptions());
  const samples: number[] = [];
  const transport: number[] = [];
  try {
    for (let run = 0; run < RUNS + 1; run++) {
      const page = await browser.newPage();
      await installTestBridge(page, () => createBridge(services), server.origin);
      await page.goto(`${server.origin}/index.html`);
      await page.waitForSelector('[data-testid="code"][data-code]:not([data-code=""])');
      const ms = await page.evaluate(() => performance.now());
      const lists = await page.evaluate(async () => {
        const start = performance.now();
        await Promise.all([
          window.latchkey['accounts:list']({}),
          window.latchkey['codes:list']({}),
        ]);
        return performance.now() - start;
      });
      await page.close();
      if (run > 0) {
        // The first load warms the browser's caches.
        samples.push(ms);
        transport.push(lists);
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await services.vault.lock();
    rmSync(dir, { recursive: true, force: true });
  }
  return { firstCode: samples, transport };
}

export default async function bench(): Promise<BenchRow[]> {
  const oneLoad = await firstCodeMs(1);
  const thousandLoad = await firstCodeMs(1000);
  const one = summarize(oneLoad.firstCode);
  const thousand = summarize(thousandLoad.firstCode);
  const transport = summarize(thousandLoad.transport);
  return [
    {
      bench: 'ui',
      case: 'first code visible after load, 1,000 accounts',
      metric: 'median',
      value: thousand.median,
      unit: 'ms',
      baseline: { name: '1 account', value: one.median },
      ratio: thousand.median / one.median,
      budget: '≤ 300 ms',
      withinBudget: thousand.median <= 300,
    },
    {
      bench: 'ui',
      case: 'first code visible after load, 1,000 accounts',
      metric: 'p95',
      value: thousand.p95,
      unit: 'ms',
      baseline: { name: '1 account', value: one.p95 },
      ratio: thousand.p95 / one.p95,
    },
    {
      bench: 'ui',
      case: '1,000 accounts: the two lists over the test bridge (Playwright binding)',
      metric: 'median',
      value: transport.median,
      unit: 'ms',
      baseline: { name: 'whole load', value: thousand.median },
      ratio: transport.median / thousand.median,
    },
  ];
}
