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
   * Splits RGBA row y into runs of one gray level without writing out its gray levels (a
   * store per pixel saved on flat rows). False, with `runs` unusable, when the row has more
   * than `maxRuns` runs or is not RGBA: then `row` is the way.
   */
  runsOnly(y: number, runs: RowRuns, maxRuns: number): boolean {
    const words = this.words;
    if (!words) return false;
    const w = this.width;
    const { starts, values } = runs;
    let last = ~words[y * w]!,
      count = 0,
      runGray = -1;
    for (let x = 0, i = y * w; x < w; x++, i++) {
      const p = words[i]!;
      if (p === last) continue;
      last = p;
      const gray = grayOf(p);
      if (gray === runGray) continue;
      if (count === maxRuns) return false;
      runGray = gray;
      starts[count] = x;
      values[count++] = gray;
    }
    starts[count] = w;
    runs.count = count;
    return true;
  }

  /**
   * Row y as gray levels; the returned array is reused by the next call. With `runs`, also
   * splits the row into runs of one gray level (found while converting, where equal source
   * pixels are already detected), up to `maxRuns` runs; a busier row gets `runs.count` −1.
   */
  row(y: number, runs?: RowRuns, maxRuns = Infinity): Uint8Array {
    const w = this.width;
    if (this.gray) return withRuns(this.gray.subarray(y * w, y * w + w), runs, maxRuns);
    const out = this.scratch;
    const words = this.words;
    if (!words) {
      for (let x = 0; x < w; x++) out[x] = this.at(x, y);
      return withRuns(out, runs, maxRuns);
    }
    // Screenshots are mostly runs of one colour: a pixel equal to its left neighbour reuses
    // its gray level, and only a new colour can start a new run.
    // Without `runs` (or once past maxRuns) no run is recorded: starts stays undefined.
    let starts = runs?.starts;
    const values = runs?.values;
    let last = -1,
      gray = 0,
      count = 0,
      runGray = -1;
    for (let x = 0, i = y * w; x < w; x++, i++) {
      const p = words[i]!;
      if (p !== last) {
        last = p;
        gray = grayOf(p);
        if (starts && gray !== runGray) {
          if (count === maxRuns) {
            starts = undefined;
            count = -1;
          } else {
            runGray = gray;
            starts[count] = x;
            values![count++] = gray;
          }
        }
      }
      out[x] = gray;
    }
    if (runs) {
      if (count >= 0) runs.starts[count] = w;
      runs.count = count;
    }
    return out;
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

function withRuns(gray: Uint8Array, runs: RowRuns | undefined, maxRuns: number): Uint8Array {
  if (!runs) return gray;
  const { starts, values } = runs;
  const w = gray.length;
  let count = 0,
    runGray = -1;
  for (let x = 0; x < w; x++) {
    const v = gray[x]!;
    if (v !== runGray) {
      if (count === maxRuns) {
        runs.count = -1;
        return gray;
      }
      runGray = v;
      starts[count] = x;
      values[count++] = v;
    }
  }
  starts[count] = w;
  runs.count = count;
  return gray;
}
