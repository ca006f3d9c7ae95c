import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron binary, if this machine has one. Deliberately does not `require('electron')`:
 * since Electron 45 that call tries to download a missing binary, and machines without access
 * to Electron's downloads (these build machines) must get a clear answer instead.
 */
export function electronBinary(): { path: string; distDir: string } | { missing: string } {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      missing:
        'the Electron binary was not downloaded (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)',
    };
  }
  const executable = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const path = join(distDir, executable);
  return existsSync(path)
    ? { path, distDir }
    : { missing: `the Electron binary is missing (${path})` };
}
