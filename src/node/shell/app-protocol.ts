/**
 * Pure parts of the app:// protocol: which file a URL names, and the headers every response
 * carries. The Electron handler (src/main/protocol.ts) and the end-to-end test server both use
 * these, so the page is tested under exactly the policy it ships with.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'latchkey';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page's policy (docs/security.md). Add a directive only when a feature needs it, and say which. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  'media-src blob:',
  "worker-src 'self'",
  "connect-src 'none'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(path: string): string {
  const dot = path.lastIndexOf('.');
  return (dot >= 0 && CONTENT_TYPES[path.slice(dot).toLowerCase()]) || 'application/octet-stream';
}

export function responseHeaders(path: string): Record<string, string> {
  return {
    'Content-Type': contentTypeFor(path),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/**
 * Maps a request path (`/assets/index.js`) to a path relative to the renderer folder, or null
 * when it would leave that folder or is otherwise suspicious. `/` serves index.html.
 * Percent-encoded traversal (`%2e%2e`, `%2f`), backslashes and NUL are all refused.
 */
export function resolveAppPath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || s.startsWith('..') || /^[a-zA-Z]:/.test(s))) return null;
  if (segments.length === 0) return 'index.html';
  return segments.join('/');
}

/** Parses an app:// URL and returns the renderer-relative path, or null if not ours. */
export function resolveAppUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return resolveAppPath(parsed.pathname);
}
