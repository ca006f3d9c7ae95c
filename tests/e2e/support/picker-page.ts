import type { Page } from '@playwright/test';
import { createBridge } from '../../../src/node/ipc/handlers';
import type { LatchkeyApp } from '../fixtures';
import { installTestBridge } from '../harness/test-bridge';

/**
 * The quick picker page (out/renderer/picker.html) in its own tab, wired to the same running
 * services as the main page through the test bridge — granted only the picker's operations,
 * as main grants its window in the app. Returns the page and what it reported.
 */
export async function openPicker(app: LatchkeyApp): Promise<{
  page: Page;
  problems: () => Promise<string[]>;
}> {
  const page = await app.page.context().newPage();
  await page.setViewportSize({ width: 440, height: 420 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await installTestBridge(page, () => createBridge(app.services), app.origin, 'picker');
  await page.goto(`${app.origin}/picker.html`);
  return {
    page,
    problems: async () => [
      ...errors,
      ...(await page.evaluate(
        () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
      )),
    ],
  };
}
