import { PNG } from 'pngjs';
import QRCode from 'qrcode';

/**
 * Pictures of QR codes for the scan tests, drawn here from the `qrcode` package's module
 * matrix (an encoder independent of the app's decoder), so a test controls where each code
 * sits, how big it is and what surrounds it.
 */

export type Rgb = readonly [number, number, number];

/** The dark/light modules of a QR symbol for `text` (qrcode's default byte/alphanumeric modes). */
export function qrModules(text: string, errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' = 'M') {
  const { modules } = QRCode.create(text, { errorCorrectionLevel });
  return { size: modules.size, dark: (row: number, col: number) => modules.get(row, col) === 1 };
}

/** A plain RGBA picture that can be drawn on and written as PNG. */
export class Picture {
  readonly data: Buffer;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb = [255, 255, 255],
  ) {
    this.data = Buffer.alloc(width * height * 4);
    this.fillRect(0, 0, width, height, background);
  }

  fillRect(x: number, y: number, w: number, h: number, [r, g, b]: Rgb): void {
    for (let row = Math.max(0, y); row < Math.min(this.height, y + h); row++) {
      for (let col = Math.max(0, x); col < Math.min(this.width, x + w); col++) {
        const i = (row * this.width + col) * 4;
        this.data[i] = r;
        this.data[i + 1] = g;
        this.data[i + 2] = b;
        this.data[i + 3] = 255;
      }
    }
  }

  /** A busy background: diagonal stripes of two colours, the kind of thing around a code on a web page. */
  stripes(a: Rgb, b: Rgb, width = 9): void {
    for (let row = 0; row < this.height; row++) {
      for (let col = 0; col < this.width; col++) {
        this.fillRect(col, row, 1, 1, Math.floor((row + col) / width) % 2 === 0 ? a : b);
      }
    }
  }

  /**
   * Draws the QR code for `text` with its top-left quiet-zone corner at (x, y): `quiet` light
   * modules on each side, `scale` pixels per module. Returns the size drawn (quiet zone included).
   */
  drawQr(
    text: string,
    x: number,
    y: number,
    scale = 6,
    quiet = 4,
    dark: Rgb = [0, 0, 0],
    light: Rgb = [255, 255, 255],
  ): number {
    const qr = qrModules(text);
    const side = (qr.size + 2 * quiet) * scale;
    this.fillRect(x, y, side, side, light);
    for (let row = 0; row < qr.size; row++) {
      for (let col = 0; col < qr.size; col++) {
        if (qr.dark(row, col))
          this.fillRect(x + (col + quiet) * scale, y + (row + quiet) * scale, scale, scale, dark);
      }
    }
    return side;
  }

  png(): Buffer {
    const png = new PNG({ width: this.width, height: this.height });
    this.data.copy(png.data);
    return PNG.sync.write(png);
  }
}

/** One QR code alone on white, as a PNG (what a "save image" of a setup page gives). */
export function qrPng(text: string, scale = 6, dark: Rgb = [0, 0, 0]): Buffer {
  const side = (qrModules(text).size + 8) * scale;
  const picture = new Picture(side, side);
  picture.drawQr(text, 0, 0, scale, 4, dark);
  return picture.png();
}

/** Reads a PNG into RGBA (for cropping a screen grab). */
export function readPng(bytes: Buffer): { width: number; height: number; data: Buffer } {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: png.data };
}

/** A w×h window of an RGBA picture at (x, y); parts outside the source are filled with `pad`. */
export function crop(
  source: { width: number; height: number; data: Buffer },
  x: number,
  y: number,
  w: number,
  h: number,
  pad: Rgb = [40, 40, 40],
): Picture {
  const out = new Picture(w, h, pad);
  for (let row = 0; row < h; row++) {
    const sy = y + row;
    if (sy < 0 || sy >= source.height) continue;
    const from = Math.max(0, x);
    const to = Math.min(source.width, x + w);
    if (to <= from) continue;
    source.data.copy(
      out.data,
      (row * w + (from - x)) * 4,
      (sy * source.width + from) * 4,
      (sy * source.width + to) * 4,
    );
  }
  return out;
}
