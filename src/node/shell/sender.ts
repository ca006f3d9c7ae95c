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
