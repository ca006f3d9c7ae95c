import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../src/node/shell/app-protocol';
import { allowPermission } from '../../../src/node/shell/policy';
import { originOf, permissionOrigin } from '../../../src/node/shell/permission-origin';

// Issue 10, finding 8: the webcam was refused in the real app because the permission handler
// took `new URL(details.requestingUrl).origin`, which WHATWG defines as "null" for a non-special
// scheme such as app:. The values below are what Electron passes the session handlers
// (docs: Session#setPermissionRequestHandler details.requestingUrl / securityOrigin /
// mediaTypes / isMainFrame; Session#setPermissionCheckHandler requestingOrigin and details).

const trusted = [APP_ORIGIN];

describe('the origin of a permission request from our page', () => {
  it('the old computation is the bug: WHATWG gives "null" for app://', () => {
    expect(new URL('app://latchkey/index.html').origin).toBe('null');
  });

  it('request handler: requestingUrl of the page (and the media securityOrigin)', () => {
    const request = {
      requestingUrl: 'app://latchkey/index.html',
      securityOrigin: 'app://latchkey/',
    };
    expect(permissionOrigin(request)).toBe('app://latchkey');
    expect(permissionOrigin({ requestingUrl: 'app://latchkey/index.html#/scan' })).toBe(
      'app://latchkey',
    );
    const allowed = allowPermission(
      {
        permission: 'media',
        requestingOrigin: permissionOrigin(request),
        isMainFrame: true,
        cameraWanted: true,
        mediaTypes: ['video'],
      },
      trusted,
    );
    expect(allowed).toBe(true);
  });

  it('check handler: requestingOrigin as Chromium reports it, with or without a slash', () => {
    for (const requestingOrigin of ['app://latchkey', 'app://latchkey/']) {
      const origin = permissionOrigin({
        requestingOrigin,
        requestingUrl: 'app://latchkey/index.html',
      });
      expect(origin).toBe('app://latchkey');
      expect(
        allowPermission(
          {
            permission: 'media',
            requestingOrigin: origin,
            isMainFrame: true,
            cameraWanted: true,
            mediaTypes: ['video'],
          },
          trusted,
        ),
      ).toBe(true);
    }
  });

  it('other origins stay untrusted', () => {
    for (const url of [
      'https://evil.example/index.html',
      'app://latchkey.evil/index.html',
      'app://evil/latchkey/index.html',
      'file:///app/index.html',
      'data:text/html,hi',
      'not a url',
      '',
    ]) {
      const origin = permissionOrigin({ requestingUrl: url });
      expect(trusted.includes(origin), url).toBe(false);
    }
    expect(originOf('blob:app://latchkey/5b1c')).toBe('app://latchkey');
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173');
  });
});
