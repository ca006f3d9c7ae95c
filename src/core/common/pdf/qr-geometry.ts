import QRCode from 'qrcode';
import { LatchkeyError } from '../../../shared/errors/index';

/** Light modules around the symbol; ISO/IEC 18004 §6.3.8 asks for four. */
export const QUIET_ZONE = 4;

/** A filled rectangle in module units, relative to the symbol's top-left dark-module corner. */
export interface ModuleRect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A QR symbol as the shapes that get drawn: the same list is printed and read back. */
export interface QrGeometry {
  /** Modules per side, without the quiet zone. */
  readonly size: number;
  readonly rects: readonly ModuleRect[];
}

/**
 * Encodes `text` at error-correction level M and merges dark modules into few rectangles:
 * horizontal runs first, then a run is extended downwards while the next row has the very
 * same run. A QR symbol of ~3,000 modules becomes a few hundred rectangles.
 * @throws LatchkeyError('backup.uri-too-long') when the text exceeds a version-40 symbol
 */
export function qrGeometry(text: string): QrGeometry {
  let matrix: { size: number; get(row: number, col: number): number | boolean };
  try {
    // One byte segment: the library's mode optimiser (a shortest-path search over segment
    // splits) costs half the encoding time and saves about a quarter of a version on
    // otpauth URIs, which are mostly lowercase and so rarely fit the alphanumeric mode.
    matrix = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
      errorCorrectionLevel: 'M',
    }).modules;
  } catch {
    throw new LatchkeyError('backup.uri-too-long', { details: { length: text.length } });
  }
  const size = matrix.size;
  const rects: { x: number; y: number; w: number; h: number }[] = [];
  // Rectangles still growing downwards, keyed by "start,width" of their run.
  let open = new Map<number, (typeof rects)[number]>();
  for (let row = 0; row < size; row++) {
    const next = new Map<number, (typeof rects)[number]>();
    let col = 0;
    while (col < size) {
      if (!matrix.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && matrix.get(row, col)) col++;
      const key = start * 1024 + (col - start);
      const above = open.get(key);
      if (above) {
        above.h++;
        next.set(key, above);
      } else {
        const rect = { x: start, y: row, w: col - start, h: 1 };
        rects.push(rect);
        next.set(key, rect);
      }
    }
    open = next;
  }
  return { size, rects };
}
