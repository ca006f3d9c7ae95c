import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium where it exists (Playwright cannot download browsers here), else Playwright's own. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export function chromiumLaunchOptions(extraArgs: readonly string[] = []): LaunchOptions {
  return {
    ...(existsSync(DEBIAN_CHROMIUM) && { executablePath: DEBIAN_CHROMIUM }),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      ...extraArgs,
    ],
  };
}
