import { describe, expect, it } from 'vitest';
import { isLatchkeyError } from '../../../src/shared/errors';
import { describeHotkey, hotkeyFromPress, parseHotkey } from '../../../src/shared/hotkey';

// Modifier names, aliases and key codes: Electron's accelerator reference (docs/api/accelerator.md).
describe('parsing a global shortcut', () => {
  it.each([
    ['CommandOrControl+Alt+K', 'CommandOrControl+Alt+K'],
    ['cmdorctrl+alt+k', 'CommandOrControl+Alt+K'],
    ['Alt+Ctrl+K', 'Control+Alt+K'],
    ['Option+Cmd+Space', 'Command+Alt+Space'],
    ['Super+Shift+F12', 'Shift+Super+F12'],
    ['Meta+Enter', 'Super+Return'],
    ['Ctrl+Alt+Plus', 'Control+Alt+Plus'],
    ['Ctrl+Alt+num5', 'Control+Alt+num5'],
    ['Ctrl+Alt+/', 'Control+Alt+/'],
  ])('%s → %s', (input, canonical) => {
    expect(parseHotkey(input).accelerator).toBe(canonical);
  });

  it.each([
    ['K', /Ctrl, Alt/], // would catch every K typed anywhere
    ['Shift+K', /Ctrl, Alt/],
    ['Ctrl+Alt', /Add a key/],
    ['Ctrl+Alt+K+J', /one key/],
    ['Ctrl+Ctrl+K', /twice/],
    ['Ctrl+Alt+Banana', /Banana/],
    ['Ctrl++K', /Write it like/],
    ['', /Write it like/],
  ])('refuses %j with the reason', (input, reason) => {
    try {
      parseHotkey(input);
      expect.unreachable();
    } catch (error) {
      expect(isLatchkeyError(error) && error.code).toBe('hotkey.invalid');
      expect((error as Error).message).toMatch(reason);
    }
  });

  it('reads as each platform writes it', () => {
    expect(describeHotkey('CommandOrControl+Alt+K', true)).toBe('⌘⌥K');
    expect(describeHotkey('CommandOrControl+Alt+K', false)).toBe('Ctrl+Alt+K');
    expect(describeHotkey('Shift+Super+F12', false)).toBe('Shift+Super+F12');
  });
});

describe('recording a shortcut from a key press', () => {
  const press = (
    code: string,
    key: string,
    mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>>,
  ) => ({
    code,
    key,
    ctrlKey: false,
    altKey: false,
    shiftKey: false,
    metaKey: false,
    ...mods,
  });

  it('uses the physical key, so Alt+K (which types "˚" on a Mac) is still K', () => {
    expect(hotkeyFromPress(press('KeyK', '˚', { metaKey: true, altKey: true }), true)).toBe(
      'CommandOrControl+Alt+K',
    );
    expect(hotkeyFromPress(press('KeyK', 'k', { ctrlKey: true, altKey: true }), false)).toBe(
      'CommandOrControl+Alt+K',
    );
  });

  it('maps arrows, digits and function keys to accelerator names', () => {
    expect(hotkeyFromPress(press('ArrowUp', 'ArrowUp', { ctrlKey: true }), false)).toBe(
      'CommandOrControl+Up',
    );
    expect(hotkeyFromPress(press('Digit7', '7', { altKey: true, shiftKey: true }), false)).toBe(
      'Alt+Shift+7',
    );
    expect(hotkeyFromPress(press('F9', 'F9', { metaKey: true }), false)).toBe('Super+F9');
  });

  it('waits while only modifiers are down', () => {
    expect(hotkeyFromPress(press('ControlLeft', 'Control', { ctrlKey: true }), false)).toBeNull();
  });

  it('what it records parses', () => {
    const recorded = hotkeyFromPress(press('KeyP', 'p', { ctrlKey: true, shiftKey: true }), false)!;
    expect(parseHotkey(recorded).accelerator).toBe('CommandOrControl+Shift+P');
  });
});
