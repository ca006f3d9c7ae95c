/**
 * Where an `otpauth://` or `otpauth-migration://` link reaches Latchkey from the desktop: the
 * first instance's command line (Windows, Linux), a second instance's command line forwarded by
 * `second-instance` (Windows, Linux), and `open-url` (macOS). Each becomes a route: which links
 * to stage for confirmation, and what to do with the window. Nothing here parses a link — the
 * staging step does, so a malformed link gets the parser's own error.
 */

export const LINK_SCHEMES = ['otpauth', 'otpauth-migration'] as const;

/** Longer than any QR code can hold: refused before it reaches the parser (like a scan). */
export const MAX_LINK_LENGTH = 16_384;
/** A command line could carry many; one desktop click carries one. */
export const MAX_LINKS_PER_LAUNCH = 16;

/** The flag the start-at-login entry passes, so a login start can stay in the tray. */
export const HIDDEN_FLAG = '--hidden';

export interface LinkRoute {
  readonly links: readonly string[];
  /** 'show': bring the window forward; 'hidden': start in the tray; 'leave': as it is. */
  readonly window: 'show' | 'hidden' | 'leave';
}

/** Whether a text uses one of our schemes (case-insensitive, as URL schemes are). */
export function isAccountLink(text: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  return (LINK_SCHEMES as readonly string[]).includes(scheme ?? '');
}

/** The links on a command line, in order, bounded; switches and paths are not links. */
export function linksIn(argv: readonly string[]): string[] {
  return argv
    .filter((arg) => isAccountLink(arg) && arg.length <= MAX_LINK_LENGTH)
    .slice(0, MAX_LINKS_PER_LAUNCH);
}

/** The app was started: stage any links; start hidden only when asked to and no link needs the window. */
export function routeFirstLaunch(argv: readonly string[], startHidden: boolean): LinkRoute {
  const links = linksIn(argv);
  const hidden = startHidden && argv.includes(HIDDEN_FLAG) && links.length === 0;
  return { links, window: hidden ? 'hidden' : 'show' };
}

/** Someone started Latchkey again (clicked a link, or the launcher): the running one answers. */
export function routeSecondInstance(argv: readonly string[]): LinkRoute {
  return { links: linksIn(argv), window: 'show' };
}

/** macOS hands a clicked link to the running app; anything not ours is ignored. */
export function routeOpenUrl(url: string): LinkRoute {
  const links = linksIn([url]);
  return { links, window: links.length > 0 ? 'show' : 'leave' };
}
