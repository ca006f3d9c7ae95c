import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_SCHEME, resolveAppUrl, responseHeaders } from '../node/shell/app-protocol';

/** Must run before `app.whenReady()`: app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from `rendererDir` with the CSP and security headers. Files are read
 * directly (not through net.fetch) so the network block on every session cannot interfere.
 */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const relative = resolveAppUrl(request.url);
    if (relative === null || request.method !== 'GET')
      return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(join(rendererDir, relative));
      return new Response(body, { status: 200, headers: responseHeaders(relative) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
