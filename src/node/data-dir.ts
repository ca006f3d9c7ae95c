import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Latchkey keeps its vault. The app and the `latchkey` command line both call this, so
 * the CLI reads exactly the folder the app writes. `LATCHKEY_DATA_DIR` overrides it (tests,
 * portable installs). Matches Electron's userData folder for the product name "Latchkey".
 */
export function defaultDataDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.LATCHKEY_DATA_DIR) return env.LATCHKEY_DATA_DIR;
  switch (platform) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Latchkey');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Latchkey');
    default:
      return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Latchkey');
  }
}
