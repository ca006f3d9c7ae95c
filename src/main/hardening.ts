import { app, session, shell, type Session, type WebContents } from 'electron';
import { permissionOrigin } from '../node/shell/permission-origin';
import { allowExternalLink, allowPermission, allowRequest } from '../node/shell/policy';

/**
 * Applies the deny-by-default policy (docs/security.md) to every session and web contents the app
 * creates. The decisions themselves are pure functions in security/policy.ts.
 */
export function hardenApp(trustedOrigins: readonly string[], cameraWanted: () => boolean): void {
  const hardenSession = (ses: Session) => {
    ses.setPermissionRequestHandler((contents, permission, callback, details) => {
      callback(
        allowPermission(
          {
            permission,
            requestingOrigin: permissionOrigin({
              securityOrigin: 'securityOrigin' in details ? details.securityOrigin : undefined,
              requestingUrl: details.requestingUrl,
            }),
            isMainFrame: details.isMainFrame,
            cameraWanted: cameraWanted() && contents.getType() === 'window',
            mediaTypes: 'mediaTypes' in details ? details.mediaTypes : [],
          },
          trustedOrigins,
        ),
      );
    });
    ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
      allowPermission(
        {
          permission,
          requestingOrigin: permissionOrigin({
            requestingOrigin,
            securityOrigin: details.securityOrigin,
            requestingUrl: details.requestingUrl,
          }),
          isMainFrame: details.isMainFrame,
          cameraWanted: cameraWanted(),
          mediaTypes: details.mediaType ? [details.mediaType] : [],
        },
        trustedOrigins,
      ),
    );
    // No network, ever: only our own origin (and data/blob URLs the page creates) load.
    ses.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: !allowRequest(details.url, trustedOrigins) });
    });
  };
  hardenSession(session.defaultSession);
  app.on('session-created', hardenSession);

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (allowExternalLink(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
