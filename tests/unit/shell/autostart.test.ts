import { describe, expect, it } from 'vitest';
import { autostartDir, autostartEntry, execArgument } from '../../../src/node/shell/autostart';

/** Reads an Exec line back the way the Desktop Entry spec says a launcher must. */
function unquoteExec(exec: string): string[] {
  const args: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const m of exec.matchAll(re)) {
    const raw = m[1] !== undefined ? m[1].replace(/\\(["`$\\])/g, '$1') : m[2]!;
    args.push(raw.replace(/%%/g, '%'));
  }
  return args;
}

describe('the XDG autostart entry (Linux start at login)', () => {
  it('goes to $XDG_CONFIG_HOME/autostart, else ~/.config/autostart', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/home/a/.cfg' }, '/home/a')).toBe(
      '/home/a/.cfg/autostart',
    );
    expect(autostartDir({}, '/home/a')).toBe('/home/a/.config/autostart');
    // The spec ignores a relative XDG_CONFIG_HOME.
    expect(autostartDir({ XDG_CONFIG_HOME: 'rel' }, '/home/a')).toBe('/home/a/.config/autostart');
  });

  it('is a valid application entry that starts Latchkey, hidden when asked', () => {
    const entry = autostartEntry('/opt/Latchkey/latchkey', true);
    const lines = entry.split('\n');
    expect(lines[0]).toBe('[Desktop Entry]');
    expect(lines).toContain('Type=Application');
    expect(lines).toContain('Name=Latchkey');
    expect(lines).toContain('Exec=/opt/Latchkey/latchkey --hidden');
    expect(entry.endsWith('\n')).toBe(true);
    expect(autostartEntry('/opt/Latchkey/latchkey', false)).toContain(
      'Exec=/opt/Latchkey/latchkey\n',
    );
  });

  it('quotes paths with spaces and special characters so the launcher gets them back exactly', () => {
    const path = '/home/a b/Apps/Latch"key $1 100%.AppImage';
    const exec = /^Exec=(.*)$/m.exec(autostartEntry(path, true))![1]!;
    expect(unquoteExec(exec)).toEqual([path, '--hidden']);
    expect(execArgument('plain')).toBe('plain');
  });
});
