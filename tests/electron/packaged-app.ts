import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Where `npm run dist` leaves the unpacked app for this OS (electron-builder's layout). */
const UNPACKED: Record<string, string[]> = {
  linux: ['dist/linux-unpacked/latchkey'],
  darwin: [
    'dist/mac-arm64/Latchkey.app/Contents/MacOS/Latchkey',
    'dist/mac/Latchkey.app/Contents/MacOS/Latchkey',
  ],
  win32: ['dist/win-unpacked/Latchkey.exe'],
};

/** The packaged executable, or why there is none. */
export function packagedApp(): { path: string } | { missing: string } {
  const candidates = (UNPACKED[process.platform] ?? []).map((p) => join(root, p));
  const found = candidates.find((p) => existsSync(p));
  return found
    ? { path: found }
    : {
        missing:
          'no packaged app in dist/ (run `npm run dist` first; it needs the Electron binary)',
      };
}
