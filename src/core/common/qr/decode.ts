import jsQR, { type Options, type QRCode } from 'jsqr';

export type Inversion = NonNullable<Options['inversionAttempts']>;

/**
 * jsQR 1.4.0 copies the options it is given into its module-level defaults, so one call that
 * asks for 'attemptBoth' would silently change every later call. We always pass every key.
 */
export function decodeRgba(
  data: Uint8ClampedArray,
  width: number,
  height: number,
  inversionAttempts: Inversion,
): QRCode | null {
  if (width < 21 || height < 21) return null;
  const options: Required<Options> = { inversionAttempts };
  try {
    return jsQR(data, width, height, options);
  } catch {
    // jsQR throws on some malformed symbols instead of returning null.
    return null;
  }
}
