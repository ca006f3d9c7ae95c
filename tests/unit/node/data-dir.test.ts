import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../src/node/data-dir';

// Electron's userData for productName "Latchkey" on each platform; the CLI must read the same folder.
describe('where the vault lives', () => {
  it.each([
    ['linux', {}, '/home/ann/.config/Latchkey'],
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, '/xdg/Latchkey'],
    ['darwin', {}, '/home/ann/Library/Application Support/Latchkey'],
    [
      'win32',
      { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' },
      'C:\\Users\\ann\\AppData\\Roaming/Latchkey',
    ],
    ['linux', { LATCHKEY_DATA_DIR: '/portable/vault' }, '/portable/vault'],
  ] as const)('%s %j → %s', (platform, env, expected) => {
    expect(defaultDataDir(env, platform, '/home/ann')).toBe(expected);
  });
});
