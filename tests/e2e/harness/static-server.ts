import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { resolveAppPath, responseHeaders } from '../../../src/node/shell/app-protocol';

/**
 * Serves the BUILT renderer on a loopback port with exactly the headers (CSP included) and
 * the path rules of the app:// handler, so the page under test runs under the shipped policy.
 */
export async function startRendererServer(
  rendererDir: string,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://loopback');
    const relative = resolveAppPath(url.pathname);
    if (relative === null || request.method !== 'GET') {
      response.writeHead(404).end('Not found');
      return;
    }
    readFile(join(rendererDir, relative)).then(
      (body) => response.writeHead(200, responseHeaders(relative)).end(body),
      () => response.writeHead(404).end('Not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The page may still hold keep-alive connections (a worker script, a pending fetch).
        server.closeAllConnections();
      }),
  };
}
