import { describe, expect, it } from 'vitest';
import { allowExternalLink, allowPermission, allowRequest } from '../../../src/node/shell/policy';

const trusted = ['app://latchkey'];
const camera = {
  permission: 'media',
  requestingOrigin: 'app://latchkey',
  isMainFrame: true,
  cameraWanted: true,
  mediaTypes: ['video'],
};

describe('permissions are denied by default', () => {
  it('grants the camera only to our top frame while the scanner wants it, video only', () => {
    expect(allowPermission(camera, trusted)).toBe(true);
    expect(allowPermission({ ...camera, requestingOrigin: 'app://latchkey/' }, trusted)).toBe(true);
    expect(allowPermission({ ...camera, cameraWanted: false }, trusted)).toBe(false);
    expect(allowPermission({ ...camera, isMainFrame: false }, trusted)).toBe(false);
    expect(allowPermission({ ...camera, requestingOrigin: 'https://evil.example' }, trusted)).toBe(
      false,
    );
    expect(allowPermission({ ...camera, mediaTypes: ['video', 'audio'] }, trusted)).toBe(false);
    expect(allowPermission({ ...camera, mediaTypes: [] }, trusted)).toBe(false);
  });

  it.each([
    'geolocation',
    'notifications',
    'clipboard-read',
    'midi',
    'openExternal',
    'display-capture',
    'fullscreen',
  ])('denies %s even to our own page', (permission) => {
    expect(allowPermission({ ...camera, permission }, trusted)).toBe(false);
  });
});

describe('no network', () => {
  it.each([
    ['app://latchkey/index.html', true],
    ['data:image/png;base64,AAAA', true],
    ['blob:app://latchkey/1234', true],
    ['https://example.com/', false],
    ['http://127.0.0.1:8080/', false],
    ['ws://localhost/', false],
    ['file:///etc/passwd', false],
    ['app://other/', false],
    ['garbage', false],
  ])('%s → %s', (url, expected) => {
    expect(allowRequest(url, trusted)).toBe(expected);
  });
});

describe('external links', () => {
  it('opens only the fixed https help links', () => {
    expect(allowExternalLink('https://github.com/latchkey-app/latchkey#readme')).toBe(true);
    expect(allowExternalLink('https://github.com/latchkey-app/latchkey#readme?x')).toBe(false);
    expect(allowExternalLink('https://evil.example/')).toBe(false);
    expect(allowExternalLink('otpauth://totp/x?secret=AAAA')).toBe(false);
  });
});
