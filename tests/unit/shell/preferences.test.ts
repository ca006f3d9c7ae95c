import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLatchkeyError, type LatchkeyError } from '../../../src/shared/errors';
import { DEFAULT_PREFERENCES } from '../../../src/shared/preferences';
import {
  checkPreferences,
  PREFERENCES_FILE,
  PreferencesStore,
} from '../../../src/node/services/preferences';
import { ShellService } from '../../../src/node/services/shell-service';
import type { ShellPort } from '../../../src/node/services/shell-port';
import { tempDir } from '../vault/helpers';

describe('preferences.json', () => {
  it('defaults: shortcut Ctrl/⌘+Alt+K, close to tray, not at login, wipe after 30 s', () => {
    expect(DEFAULT_PREFERENCES).toEqual({
      hotkey: 'CommandOrControl+Alt+K',
      closeToTray: true,
      startAtLogin: false,
      startHidden: false,
      clipboardClearSeconds: 30,
    });
  });

  it('a bad field falls back on its own; the others are kept', () => {
    expect(
      checkPreferences({
        hotkey: 'K',
        closeToTray: false,
        clipboardClearSeconds: 5,
        startAtLogin: 'yes',
      }),
    ).toEqual({ ...DEFAULT_PREFERENCES, closeToTray: false });
    expect(checkPreferences({ hotkey: null, clipboardClearSeconds: null })).toMatchObject({
      hotkey: null,
      clipboardClearSeconds: null,
    });
    expect(checkPreferences('not an object')).toEqual(DEFAULT_PREFERENCES);
  });

  it('saves privately and reads back; a damaged file reports once and keeps defaults', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const store = new PreferencesStore(dir);
      expect(await store.load()).toEqual(DEFAULT_PREFERENCES);
      await store.save({ ...DEFAULT_PREFERENCES, hotkey: 'alt+ctrl+p' });
      const file = join(dir, PREFERENCES_FILE);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(file, 'utf8')).hotkey).toBe('Control+Alt+P');
      expect((await new PreferencesStore(dir).load()).hotkey).toBe('Control+Alt+P');

      writeFileSync(file, '{ not json');
      const reports: LatchkeyError[] = [];
      expect(await new PreferencesStore(dir).load((e) => reports.push(e))).toEqual(
        DEFAULT_PREFERENCES,
      );
      expect(reports.map((e) => e.code)).toEqual(['preferences.unreadable']);
    } finally {
      cleanup();
    }
  });
});

/** A shell whose OS refuses the shortcuts listed in `taken` (as globalShortcut.register returns false). */
function desktop(taken: readonly string[] = []) {
  const registered: (string | null)[] = [];
  const logins: [boolean, boolean][] = [];
  const port: ShellPort = {
    capabilities: { tray: true, startAtLogin: true },
    setHotkey: (accelerator) => {
      registered.push(accelerator);
      return accelerator !== null && taken.includes(accelerator) ? 'refused' : 'active';
    },
    setStartAtLogin: async (on, hidden) => void logins.push([on, hidden]),
    closePicker: () => {},
    showWindow: () => {},
  };
  return { port, registered, logins };
}

describe('applying preferences to the desktop', () => {
  async function started(taken: readonly string[] = []) {
    const { dir, cleanup } = tempDir();
    const shell = desktop(taken);
    const delays: (number | null)[] = [];
    const service = new ShellService(new PreferencesStore(dir), shell.port, (s) => delays.push(s));
    await service.start();
    return { service, shell, delays, dir, cleanup };
  }

  it('registers the saved shortcut at start and applies the wipe delay', async () => {
    const { service, shell, delays, cleanup } = await started();
    expect(shell.registered).toEqual(['CommandOrControl+Alt+K']);
    expect(service.view().hotkey).toEqual({
      state: 'active',
      accelerator: 'CommandOrControl+Alt+K',
    });
    expect(delays).toEqual([30]);
    cleanup();
  });

  it('a shortcut the OS refuses is not saved; the old one is registered again', async () => {
    const { service, shell, dir, cleanup } = await started(['Control+Alt+J']);
    try {
      await service.update({ hotkey: 'Ctrl+Alt+J' });
      expect.unreachable();
    } catch (error) {
      expect(isLatchkeyError(error) && error.code).toBe('hotkey.refused');
      expect((error as Error).message).toMatch(/Choose another one, or turn the shortcut off/);
    }
    expect(shell.registered.at(-1)).toBe('CommandOrControl+Alt+K');
    expect(service.view().hotkey).toEqual({
      state: 'active',
      accelerator: 'CommandOrControl+Alt+K',
    });
    expect((await new PreferencesStore(dir).load()).hotkey).toBe('CommandOrControl+Alt+K');
    cleanup();
  });

  it('a refused shortcut at start is reported, and turning it off works', async () => {
    const { service, cleanup } = await started(['CommandOrControl+Alt+K']);
    expect(service.view().hotkey).toEqual({
      state: 'refused',
      accelerator: 'CommandOrControl+Alt+K',
    });
    const view = await service.update({ hotkey: null });
    expect(view.hotkey).toEqual({ state: 'off' });
    expect(view.preferences.hotkey).toBeNull();
    cleanup();
  });

  it('a malformed shortcut is refused before the OS is asked', async () => {
    const { service, shell, cleanup } = await started();
    await expect(service.update({ hotkey: 'K' })).rejects.toMatchObject({ code: 'hotkey.invalid' });
    expect(shell.registered).toHaveLength(1);
    cleanup();
  });

  it('start at login follows the switches; the wipe delay follows its setting', async () => {
    const { service, shell, delays, cleanup } = await started();
    await service.update({ startAtLogin: true });
    await service.update({ startHidden: true });
    await service.update({ startAtLogin: false });
    expect(shell.logins).toEqual([
      [true, false],
      [true, true],
      [false, true],
    ]);
    await service.update({ clipboardClearSeconds: null });
    expect(delays.at(-1)).toBeNull();
    cleanup();
  });
});
