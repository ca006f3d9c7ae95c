import type { QrImage } from './types';

/**
 * Gray levels of a frame, computed only where they are read: the finder scan touches a fraction
 * of the rows, so converting the whole 4K frame up front would cost more than the scan itself.
 * Weights are ITU-R BT.601 in 8-bit fixed point; pixels that are not opaque are composited over
 * white, so transparent PNG/BMP backgrounds read as paper rather than ink.
 */
export class LumaPlane {
  readonly width: number;
  readonly height: number;
  private readonly gray: Uint8Array | null;
  private readonly words: Uint32Array | null;
  private readonly bytes: Uint8Array | Uint8ClampedArray;
  private readonly scratch: Uint8Array;
  private kept: Uint8Array | null = null;
  private keptRow: Uint8Array | null = null;

  constructor(image: QrImage) {
    this.width = image.width;
    this.height = image.height;
    const { data } = image;
    this.bytes = data;
    this.scratch = new Uint8Array(image.width);
    if (image.format === 'luma') {
      this.gray = new Uint8Array(data.buffer, data.byteOffset, image.width * image.height);
      this.words = null;
    } else {
      this.gray = null;
      // RGBA words on a little-endian host (every platform Electron and Node ship on).
      this.words =
        data.byteOffset % 4 === 0
          ? new Uint32Array(data.buffer, data.byteOffset, image.width * image.height)
          : null;
    }
  }

  /**
   * Keeps every row `row` converts, for frames whose rows are read twice (the small frames'
   * pyramid level reads the rows the full-resolution scan already converted).
   */
  rememberRows(): void {
    if (this.gray || this.kept) return;
    this.kept = new Uint8Array(this.width * this.height);
    this.keptRow = new Uint8Array(this.height);
  }

  /** Row y as gray levels; the returned array is reused by the next call. */
  row(y: number): Uint8Array {
    const w = this.width;
    if (this.gray) return this.gray.subarray(y * w, y * w + w);
    const kept = this.kept?.subarray(y * w, y * w + w);
    if (kept && this.keptRow![y]) return kept;
    const out = kept ?? this.scratch;
    if (kept) this.keptRow![y] = 1;
    const words = this.words;
    if (words) {
      // Screenshots are mostly runs of one colour: a pixel equal to its left neighbour reuses
      // its gray level.
      let last = -1,
        gray = 0;
      for (let x = 0, i = y * w; x < w; x++, i++) {
        const p = words[i]!;
        if (p !== last) {
          last = p;
          const v = ((p & 0xff) * 77 + ((p >>> 8) & 0xff) * 150 + ((p >>> 16) & 0xff) * 29) >>> 8;
          const a = p >>> 24;
          gray = a === 255 ? v : 255 - ((((255 - v) * a) / 255) | 0);
        }
        out[x] = gray;
      }
    } else {
      for (let x = 0; x < w; x++) out[x] = this.at(x, y);
    }
    return out;
  }

  /**
   * True when rows a and b hold the same pixels. Screenshots repeat rows (flat panels, the
   * inside of big modules); comparing source words is cheaper than converting and scanning.
   */
  sameRows(a: number, b: number): boolean {
    const w = this.width;
    const src = this.gray ?? this.words;
    if (!src) return false;
    for (let i = a * w, j = b * w, end = i + w; i < end; i++, j++)
      if (src[i] !== src[j]) return false;
    return true;
  }

  /** One pixel's gray level. */
  at(x: number, y: number): number {
    const i = y * this.width + x;
    if (this.gray) return this.gray[i]!;
    const o = i * 4,
      d = this.bytes;
    const v = (d[o]! * 77 + d[o + 1]! * 150 + d[o + 2]! * 29) >>> 8;
    const a = d[o + 3]!;
    return a === 255 ? v : 255 - ((((255 - v) * a) / 255) | 0);
  }
}
