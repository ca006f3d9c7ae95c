import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './harness/chromium';

export default defineConfig({
  // The e2e project's own TypeScript settings: tsconfig.web.json maps 'qrcode' to a page-only
  // declaration, which Playwright's loader would otherwise apply to test code at run time.
  tsconfig: '../../tsconfig.e2e.json',
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: `../../test-results/${process.env.LATCHKEY_E2E_REPORT ?? 'e2e'}.json` }],
  ],
  outputDir: `../../test-results/${process.env.LATCHKEY_E2E_REPORT ?? 'e2e'}-artifacts`,
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    viewport: { width: 480, height: 720 },
    trace: 'off',
  },
});
