import { OPERATION_NAMES, type OperationName } from '../../shared/bridge-channels';
import { surfaceAllows, type Surface } from '../../shared/bridge-surfaces';

/**
 * Which frames may call the bridge: only the top frame of our own page, loaded from the
 * app:// origin (or, in development, the electron-vite dev server origin). A frame inside the
 * page (an iframe) or any other origin is refused.
 */
export interface SenderFrame {
  readonly url: string;
  readonly isTopFrame: boolean;
}

export function isTrustedSender(
  frame: SenderFrame | null,
  trustedOrigins: readonly string[],
): boolean {
  if (!frame || !frame.isTopFrame) return false;
  let origin: string;
  try {
    const url = new URL(frame.url);
    // app://latchkey/... has an opaque origin in WHATWG URL terms; compare scheme + host instead.
    origin = `${url.protocol}//${url.host}`;
  } catch {
    return false;
  }
  return trustedOrigins.includes(origin);
}

/**
 * The one gate before `dispatch`, in the app and in the test bridge: the frame must be trusted
 * (above) and come from a known window ("surface"), and that window must be allowed the
 * operation (src/shared/bridge-surfaces.ts) — the quick picker cannot export a backup even if
 * its page were subverted. Returns why a request is refused, or null to go on.
 */
export function refusal(
  frame: SenderFrame | null,
  surface: Surface | null,
  operation: unknown,
  trustedOrigins: readonly string[],
): 'bridge.untrusted-sender' | 'bridge.not-allowed' | null {
  if (surface === null || !isTrustedSender(frame, trustedOrigins)) return 'bridge.untrusted-sender';
  // An unknown name is dispatch's to report (bridge.unknown-operation).
  if (typeof operation !== 'string' || !(OPERATION_NAMES as readonly string[]).includes(operation))
    return null;
  return surfaceAllows(surface, operation as OperationName) ? null : 'bridge.not-allowed';
}
