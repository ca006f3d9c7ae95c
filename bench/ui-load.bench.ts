import { chromium, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBridge } from '../src/node/ipc/handlers';
import type { Services } from '../src/node/services/container';
import { chromiumLaunchOptions } from '../tests/e2e/harness/chromium';
import { startRendererServer } from '../tests/e2e/harness/static-server';
import { installTestBridge } from '../tests/e2e/harness/test-bridge';
import { benchServices, type BenchRow, summarize } from './harness';

/**
 * First code visible after the page loads, in Chromium against the built renderer and the real
 * services — the end-to-end harness, timed (budget: 1,000 accounts ≤ 300 ms). The loads
 * of 1, 1,000 and 10,000 accounts are interleaved run by run (A/B/C, A/B/C, …) so a busy machine
 * slows all three alike; the one-account load is the baseline. Also reported: the share of the
 * load spent on the one `codes:snapshot` round trip over the test bridge (a Playwright binding;
 * Electron IPC is not measurable here), and the page's JS heap after a forced GC.
 * Needs `npm run build` first.
 */
const RENDERER = join(import.meta.dirname, '..', 'out', 'renderer');
const RUNS = 9;
const SIZES = [1, 1_000, 10_000] as const;
const FIRST_CODE = '[data-testid="code"][data-code]:not([data-code=""])';

export async function vaultWith(count: number): Promise<{ services: Services; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-bench-ui-'));
  const services = benchServices(dir);
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
  return { services, dir };
}

/** The page's used JS heap after a full GC, in MiB (Chrome DevTools Protocol). */
export async function pageHeapMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/**
 * Runs in the page before its scripts: notes the first frame in which a code is in the DOM.
 * Polling from outside would instead wait for the page to be idle, i.e. for the rest of a long
 * list to render, which is exactly what the first screenful does not wait for.
 */
function recordFirstCode(selector: string): void {
  const w = window as { firstCodeAt?: number };
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    requestAnimationFrame(() => (w.firstCodeAt = performance.now()));
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
}

interface Sample {
  readonly firstCode: number;
  readonly snapshot: number;
  readonly heap: number;
}

async function load(browser: Browser, services: Services, origin: string): Promise<Sample> {
  const page = await browser.newPage();
  try {
    await installTestBridge(page, () => createBridge(services), origin);
    await page.addInitScript(recordFirstCode, FIRST_CODE);
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => (window as { firstCodeAt?: number }).firstCodeAt);
    const firstCode = await page.evaluate(() => (window as { firstCodeAt?: number }).firstCodeAt!);
    const snapshot = await page.evaluate(async () => {
      const start = performance.now();
      await window.latchkey['codes:snapshot']({});
      return performance.now() - start;
    });
    return { firstCode, snapshot, heap: await pageHeapMiB(page) };
  } finally {
    await page.close();
  }
}

export default async function bench(): Promise<BenchRow[]> {
  const vaults = await Promise.all(SIZES.map((n) => vaultWith(n)));
  const server = await startRendererServer(RENDERER);
  const browser = await chromium.launch(chromiumLaunchOptions());
  const samples = SIZES.map((): Sample[] => []);
  try {
    for (let run = 0; run < RUNS + 1; run++) {
      // Rotate the order too, so no size always follows another.
      for (let k = 0; k < SIZES.length; k++) {
        const i = (k + run) % SIZES.length;
        const sample = await load(browser, vaults[i]!.services, server.origin);
        // The first round warms the browser's caches.
        if (run > 0) samples[i]!.push(sample);
      }
    }
  } finally {
    await browser.close();
    await server.close();
    for (const { services, dir } of vaults) {
      await services.vault.lock();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const pick = (i: number, key: keyof Sample) => summarize(samples[i]!.map((s) => s[key]));
  const one = pick(0, 'firstCode');
  const rows: BenchRow[] = [];
  for (const [i, size] of SIZES.entries()) {
    if (i === 0) continue;
    const label = size.toLocaleString('en');
    const first = pick(i, 'firstCode');
    const budget =
      size === 1_000 ? { budget: '≤ ×1.3', withinBudget: first.median / one.median <= 1.3 } : {};
    rows.push(
      {
        bench: 'ui',
        case: `first code visible after load, ${label} accounts`,
        metric: 'median',
        value: first.median,
        unit: 'ms',
        baseline: { name: '1 account', value: one.median },
        ratio: first.median / one.median,
        ...budget,
      },
      {
        bench: 'ui',
        case: `first code visible after load, ${label} accounts`,
        metric: 'p95',
        value: first.p95,
        unit: 'ms',
        baseline: { name: '1 account', value: one.p95 },
        ratio: first.p95 / one.p95,
      },
      {
        bench: 'ui',
        case: `${label} accounts: the codes:snapshot round trip over the test bridge`,
        metric: 'median',
        value: pick(i, 'snapshot').median,
        unit: 'ms',
        baseline: { name: 'whole load', value: first.median },
        ratio: pick(i, 'snapshot').median / first.median,
      },
    );
  }
  rows.push({
    bench: 'memory',
    case: 'page JS heap after load, 10,000 accounts (after GC)',
    metric: 'median',
    value: pick(2, 'heap').median,
    unit: 'MiB',
    baseline: { name: '1 account', value: pick(0, 'heap').median },
    ratio: pick(2, 'heap').median / pick(0, 'heap').median,
  });
  return rows;
}
