import { net, protocol } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME, resolveAppUrl, responseHeaders } from './security/app-protocol';

/** Must run before `app.whenReady()`: app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `rendererDir` with the CSP and security headers. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const relative = resolveAppUrl(request.url);
    if (relative === null) return new Response('Not found', { status: 404 });
    const file = await net.fetch(pathToFileURL(join(rendererDir, relative)).toString()).catch(() => null);
    if (!file || !file.ok) return new Response('Not found', { status: 404 });
    return new Response(file.body, { status: 200, headers: responseHeaders(relative) });
  });
}
