/**
 * Deny-by-default decisions for the window: permissions, navigation, new windows, network and
 * external links. Pure so they are unit-tested; src/main/hardening.ts applies them.
 */

export interface PermissionRequest {
  readonly permission: string;
  readonly requestingOrigin: string;
  readonly isMainFrame: boolean;
  /** True only while the webcam scanner is open. */
  readonly cameraWanted: boolean;
  readonly mediaTypes?: readonly string[];
}

export function allowPermission(
  request: PermissionRequest,
  trustedOrigins: readonly string[],
): boolean {
  if (!request.isMainFrame || !trustedOrigins.includes(stripSlash(request.requestingOrigin)))
    return false;
  if (request.permission !== 'media' || !request.cameraWanted) return false;
  const types = request.mediaTypes ?? [];
  // Video only: the scanner never needs the microphone.
  return types.length > 0 && types.every((t) => t === 'video');
}

/** Network: only our own protocol (and the dev server in development) may be loaded. */
export function allowRequest(url: string, trustedOrigins: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'devtools:' || parsed.protocol === 'data:' || parsed.protocol === 'blob:')
    return true;
  return trustedOrigins.includes(`${parsed.protocol}//${parsed.host}`);
}

/** Help links the app may open in the user's browser; nothing else is ever opened. */
export const EXTERNAL_LINK_ALLOWLIST: readonly string[] = [
  'https://github.com/latchkey-app/latchkey#readme',
  'https://github.com/latchkey-app/latchkey/blob/main/docs/keychain.md',
];

export function allowExternalLink(url: string): boolean {
  return EXTERNAL_LINK_ALLOWLIST.includes(url);
}

function stripSlash(origin: string): string {
  return origin.endsWith('/') ? origin.slice(0, -1) : origin;
}
