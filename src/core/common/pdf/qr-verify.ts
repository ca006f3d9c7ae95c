import jsQR from 'jsqr';
import { LatchkeyError } from '../../../shared/errors/index';
import { QUIET_ZONE, type QrGeometry } from './qr-geometry';

/**
 * Pixels per module when reading a drawn symbol back. The raster is exact (no blur, no
 * rotation), so jsQR samples every module correctly even at 1 px, and the read-back is the
 * largest cost of building a kit (~1.5 ms per code).
 */
const PX_PER_MODULE = 1;
const FALLBACK_PX_PER_MODULE = 3;

/** Paints the rectangles (plus quiet zone) into an RGBA buffer: black on white. */
export function rasterizeQr(
  geometry: QrGeometry,
  pxPerModule = PX_PER_MODULE,
): { data: Uint8ClampedArray; width: number; height: number } {
  const side = (geometry.size + 2 * QUIET_ZONE) * pxPerModule;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const rect of geometry.rects) {
    const x0 = (rect.x + QUIET_ZONE) * pxPerModule;
    const y0 = (rect.y + QUIET_ZONE) * pxPerModule;
    const x1 = x0 + rect.w * pxPerModule;
    const y1 = y0 + rect.h * pxPerModule;
    for (let y = y0; y < y1; y++) {
      const row = y * side;
      for (let x = x0; x < x1; x++) {
        const at = (row + x) * 4;
        data[at] = 0;
        data[at + 1] = 0;
        data[at + 2] = 0;
      }
    }
  }
  return { data, width: side, height: side };
}

/**
 * Reads the drawn geometry back with jsQR and insists on the exact bytes of `text`, so a kit
 * is never handed out with a QR code that scans to something else (or nothing).
 * @throws LatchkeyError('backup.qr-verify-failed')
 */
export function verifyQr(geometry: QrGeometry, text: string): void {
  const expected = new TextEncoder().encode(text);
  // A larger raster is the fallback, so a quirk of the 1 px read never blocks a good kit.
  for (const px of [PX_PER_MODULE, FALLBACK_PX_PER_MODULE]) {
    const image = rasterizeQr(geometry, px);
    // jsQR 1.4.0 keeps options in module state: pass every option on every call.
    const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
    if (found && sameBytes(found.binaryData, expected)) return;
  }
  throw new LatchkeyError('backup.qr-verify-failed');
}

function sameBytes(a: ArrayLike<number>, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
