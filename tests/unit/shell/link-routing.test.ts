import { describe, expect, it } from 'vitest';
import {
  isAccountLink,
  linksIn,
  MAX_LINKS_PER_LAUNCH,
  routeFirstLaunch,
  routeOpenUrl,
  routeSecondInstance,
} from '../../../src/node/shell/link-routing';

const LINK = 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const EXPORT =
  'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SBGFsaWNlGgZHaXRIdWIgASgBMAI%3D';

describe('which texts are account links', () => {
  it.each([
    [LINK, true],
    [EXPORT, true],
    ['OTPAUTH://totp/x?secret=A', true], // schemes are case-insensitive (RFC 3986 §3.1)
    ['otpauth:garbage', true], // ours, even if malformed: the parser explains what is wrong
    ['https://example.com/?otpauth://x', false],
    ['--hidden', false],
    ['/usr/bin/latchkey', false],
    ['C:\\Program Files\\Latchkey\\Latchkey.exe', false],
    ['', false],
  ])('%s → %s', (text, expected) => expect(isAccountLink(text)).toBe(expected));
});

describe('the command line (Windows and Linux: first and second instance)', () => {
  // What Windows passes a protocol handler; Electron adds its own switches on a second instance.
  const argv = ['C:\\Latchkey\\Latchkey.exe', '--allow-file-access-from-files', LINK];

  it('the first instance stages the link and shows the window', () => {
    expect(routeFirstLaunch(argv, false)).toEqual({ links: [LINK], window: 'show' });
  });

  it('a start at login with "start hidden" stays in the tray, unless a link needs the window', () => {
    expect(routeFirstLaunch(['/opt/latchkey', '--hidden'], true)).toEqual({
      links: [],
      window: 'hidden',
    });
    expect(routeFirstLaunch(['/opt/latchkey', '--hidden'], false).window).toBe('show');
    expect(routeFirstLaunch(['/opt/latchkey'], true).window).toBe('show');
    expect(routeFirstLaunch(['/opt/latchkey', '--hidden', LINK], true)).toEqual({
      links: [LINK],
      window: 'show',
    });
  });

  it('a second instance hands its links to the running one and brings the window forward', () => {
    expect(routeSecondInstance(['/usr/bin/latchkey', EXPORT])).toEqual({
      links: [EXPORT],
      window: 'show',
    });
    expect(routeSecondInstance(['/usr/bin/latchkey'])).toEqual({ links: [], window: 'show' });
  });

  it('is bounded: at most 16 links, none longer than a QR code holds', () => {
    expect(linksIn(Array.from({ length: 40 }, (_, i) => `${LINK}${i}`))).toHaveLength(
      MAX_LINKS_PER_LAUNCH,
    );
    expect(linksIn([`otpauth://totp/x?secret=${'A'.repeat(20_000)}`])).toEqual([]);
  });
});

describe('open-url (macOS)', () => {
  it('stages our links and shows the window', () => {
    expect(routeOpenUrl(LINK)).toEqual({ links: [LINK], window: 'show' });
  });
  it('ignores anything else', () => {
    expect(routeOpenUrl('https://example.com/')).toEqual({ links: [], window: 'leave' });
  });
});
