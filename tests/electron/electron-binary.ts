import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The Electron binary, if this machine has one. `require('electron')` throws when the binary
 * was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1), which is the case on CI here.
 */
export function electronBinary(): { path: string } | { missing: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string;
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { missing: `the Electron binary is not installed (${String(path)} does not exist)` };
  } catch (error) {
    return {
      missing: `the Electron binary is not installed (${error instanceof Error ? error.message.split('\n')[0] : 'unknown'}); install without ELECTRON_SKIP_BINARY_DOWNLOAD to run these`,
    };
  }
}
