/**
 * The origin of a permission request or check, from what Electron hands the session handlers:
 * the request handler's `details.securityOrigin` (media requests) and `details.requestingUrl`,
 * the check handler's `requestingOrigin`. WHATWG `new URL(url).origin` is "null" for any
 * non-special scheme, so for `app://latchkey/index.html` it gave "null" and the camera was
 * always refused; Chromium's origin of a registered standard scheme is scheme + host, which
 * is what this returns. An unparsable or opaque (data:) URL gives '' (never trusted).
 */
export interface PermissionOriginSource {
  readonly requestingOrigin?: string | undefined;
  readonly securityOrigin?: string | undefined;
  readonly requestingUrl?: string | undefined;
}

export function permissionOrigin(source: PermissionOriginSource): string {
  const candidate = [source.requestingOrigin, source.securityOrigin, source.requestingUrl].find(
    (value) => value !== undefined && value !== '',
  );
  return candidate === undefined ? '' : originOf(candidate);
}

/** `scheme://host[:port]` of a URL; a blob: URL has the origin of the URL it wraps. */
export function originOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '';
  }
  if (parsed.protocol === 'blob:') return originOf(parsed.pathname);
  if (parsed.host === '') return '';
  return `${parsed.protocol}//${parsed.host}`;
}
