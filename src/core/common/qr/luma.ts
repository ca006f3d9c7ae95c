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
  private readonly words: Int32Array | null;
  private readonly bytes: Uint8Array | Uint8ClampedArray;
  private readonly scratch: Uint8Array;

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
      // RGBA words on a little-endian host (every platform Electron and Node ship on); signed,
      // so an opaque pixel (alpha in the top byte) stays a small integer for the JIT.
      this.words =
        data.byteOffset % 4 === 0
          ? new Int32Array(data.buffer, data.byteOffset, image.width * image.height)
          : null;
    }
  }

  /**
   * Reads row y as runs of one gray level into `runs` and returns null; a row with more than
   * `maxRuns` runs (JPEG noise, photos) is returned as gray levels instead (`runs.count` −1;
   * the array is reused by the next call). Screenshots are mostly runs of one colour: only a
   * pixel unlike its left neighbour is converted, and a flat row's gray levels are never
   * written out pixel by pixel.
   */
  scanRow(y: number, runs: RowRuns, maxRuns: number, busy = false): Uint8Array | null {
    const w = this.width;
    const words = this.words;
    if (words && busy) return this.convertRow(y, runs, maxRuns);
    if (!words) {
      let gray: Uint8Array;
      if (this.gray) gray = this.gray.subarray(y * w, y * w + w);
      else {
        gray = this.scratch;
        for (let x = 0; x < w; x++) gray[x] = this.at(x, y);
      }
      return splitRuns(gray, runs, maxRuns) ? null : gray;
    }
    const { starts, values } = runs;
    const base = y * w;
    let last = ~words[base]!,
      count = 0,
      runGray = -1,
      x = 0;
    for (; x < w; x++) {
      const p = words[base + x]!;
      if (p === last) continue;
      last = p;
      const gray = grayOf(p);
      if (gray === runGray) continue;
      if (count === maxRuns) break;
      runGray = gray;
      starts[count] = x;
      values[count++] = gray;
    }
    starts[count] = x;
    if (x === w) {
      runs.count = count;
      runs.busy = false;
      return null;
    }
    // Too busy: write out the runs read so far, then convert the rest pixel by pixel.
    runs.count = -1;
    runs.busy = true;
    const out = this.scratch;
    for (let r = 0, i = 0; r < count; r++) {
      const v = values[r]!;
      for (const end = starts[r + 1]!; i < end; i++) out[i] = v;
    }
    let gray = grayOf(last);
    for (; x < w; x++) {
      const p = words[base + x]!;
      if (p !== last) {
        last = p;
        gray = grayOf(p);
      }
      out[x] = gray;
    }
    return out;
  }

  /**
   * A row expected to be busy (its scanned neighbour was), converted pixel by pixel at once
   * instead of split into runs until that fails; `runs.busy` tells whether it really was, so
   * the next row knows which way to start.
   */
  private convertRow(y: number, runs: RowRuns, maxRuns: number): Uint8Array {
    const words = this.words!;
    const w = this.width;
    const base = y * w;
    const out = this.scratch;
    let last = ~words[base]!,
      gray = -1,
      changes = 0;
    for (let x = 0; x < w; x++) {
      const p = words[base + x]!;
      if (p !== last) {
        last = p;
        const g = grayOf(p);
        if (g !== gray) changes++;
        gray = g;
      }
      out[x] = gray;
    }
    runs.count = -1;
    runs.busy = changes > maxRuns;
    return out;
  }

  /**
   * Gray levels of pixels x..x+n−1 of row y into `out` (crops: one pass per row instead of a
   * lookup per pixel read).
   */
  readSpan(x: number, y: number, n: number, out: Uint8Array): void {
    const i = y * this.width + x;
    if (this.gray) {
      out.set(this.gray.subarray(i, i + n));
      return;
    }
    const words = this.words;
    if (!words) {
      for (let k = 0; k < n; k++) out[k] = this.at(x + k, y);
      return;
    }
    let last = ~words[i]!,
      gray = 0;
    for (let k = 0; k < n; k++) {
      const p = words[i + k]!;
      if (p !== last) {
        last = p;
        gray = grayOf(p);
      }
      out[k] = gray;
    }
  }

  /** One pixel's gray level. */
  at(x: number, y: number): number {
    const i = y * this.width + x;
    if (this.gray) return this.gray[i]!;
    const words = this.words;
    if (words) {
      // One load instead of four: column walks and crops call this for every pixel they read.
      return grayOf(words[i]!);
    }
    const o = i * 4,
      d = this.bytes;
    return grayOf(d[o]! | (d[o + 1]! << 8) | (d[o + 2]! << 16) | (d[o + 3]! << 24));
  }
}

/** The gray level of one little-endian RGBA word (R in the low byte), composited over white. */
function grayOf(p: number): number {
  const v = ((p & 0xff) * 77 + ((p >>> 8) & 0xff) * 150 + ((p >>> 16) & 0xff) * 29) >>> 8;
  const a = p >>> 24;
  return a === 255 ? v : 255 - ((((255 - v) * a) / 255) | 0);
}

/**
 * A row as runs of one gray level: run i spans starts[i]..starts[i+1] at level values[i];
 * `count` −1 when the row was too busy to split.
 */
export class RowRuns {
  readonly starts: Int32Array;
  readonly values: Uint8Array;
  count = -1;
  /** The row had more runs than its scan allowed (false for flat rows read as gray levels). */
  busy = false;

  constructor(width: number) {
    this.starts = new Int32Array(width + 1);
    this.values = new Uint8Array(width);
  }

  /** True when both hold the same row of gray levels (never for rows too busy to hold). */
  sameAs(other: RowRuns): boolean {
    const n = this.count;
    if (n !== other.count || n < 0) return false;
    const { starts, values } = other;
    for (let i = 0; i < n; i++)
      if (this.values[i] !== values[i] || this.starts[i] !== starts[i]) return false;
    return true;
  }
}

/** Splits gray levels into `runs`; false (count −1) past `maxRuns` runs. */
function splitRuns(gray: Uint8Array, runs: RowRuns, maxRuns: number): boolean {
  const { starts, values } = runs;
  const w = gray.length;
  let count = 0,
    runGray = -1;
  for (let x = 0; x < w; x++) {
    const v = gray[x]!;
    if (v !== runGray) {
      if (count === maxRuns) {
        runs.count = -1;
        return false;
      }
      runGray = v;
      starts[count] = x;
      values[count++] = v;
    }
  }
  starts[count] = w;
  runs.count = count;
  return true;
}
