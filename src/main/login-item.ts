import { app } from 'electron';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AUTOSTART_FILE, autostartDir, autostartEntry } from '../node/shell/autostart';
import { HIDDEN_FLAG } from '../node/shell/link-routing';

/** Where starting at login can be arranged: login items on macOS/Windows, XDG autostart on Linux. */
export const loginItemSupported = ['darwin', 'win32', 'linux'].includes(process.platform);

/** The program the autostart entry runs: an AppImage's own file, else the installed binary. */
const executable = () => process.env.APPIMAGE ?? process.execPath;

export async function setStartAtLogin(on: boolean, hidden: boolean): Promise<void> {
  if (process.platform === 'linux') {
    const dir = autostartDir(process.env, homedir());
    const file = join(dir, AUTOSTART_FILE);
    if (!on) return rm(file, { force: true });
    await mkdir(dir, { recursive: true });
    await writeFile(file, autostartEntry(executable(), hidden), { mode: 0o644 });
    return;
  }
  // macOS and Windows: the OS's own login items; the flag tells a login start from a user start.
  app.setLoginItemSettings({
    openAtLogin: on,
    args: hidden ? [HIDDEN_FLAG] : [],
  });
}
