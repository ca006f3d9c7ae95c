import { HIDDEN_FLAG } from './link-routing';

/**
 * Start at login on Linux: an XDG autostart entry, `~/.config/autostart/<id>.desktop`
 * (freedesktop.org "Desktop Application Autostart Specification"; keys from the "Desktop Entry
 * Specification"). macOS and Windows use Electron's login items instead.
 */

export const AUTOSTART_FILE = 'io.github.latchkey.Latchkey.desktop';

/** Where the entry goes: $XDG_CONFIG_HOME/autostart, else ~/.config/autostart. */
export function autostartDir(
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  const base =
    env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/')
      ? env.XDG_CONFIG_HOME
      : `${home}/.config`;
  return `${base}/autostart`;
}

/**
 * Quotes one Exec argument per the Desktop Entry spec: arguments with reserved characters are
 * double-quoted, and inside quotes `"`, `` ` ``, `$` and `\` are backslash-escaped; `%` is
 * doubled because field codes start with it.
 */
export function execArgument(arg: string): string {
  const escaped = arg.replace(/%/g, '%%');
  if (!/[\s"'\\`$<>~|&;*?#()]/.test(escaped) && escaped !== '') return escaped;
  return `"${escaped.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** The entry's text. `executable` is the absolute path of the installed app (an AppImage's own path). */
export function autostartEntry(executable: string, startHidden: boolean): string {
  const exec = [executable, ...(startHidden ? [HIDDEN_FLAG] : [])].map(execArgument).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Latchkey',
    'Comment=Two-step sign-in codes, offline',
    `Exec=${exec}`,
    'Icon=latchkey',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}
