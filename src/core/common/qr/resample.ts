import type { LumaPlane } from './luma';
import type { Region } from './regions';

export interface CropPlan {
  /**
   * Average down×down boxes (keeps big modules whole); 1.5 turns 3-px modules into 2-px ones
   * (needs a crop aligned to the modules: `moduleAligned`).
   */
  readonly down: number;
  /** Enlarge by this integer factor. */
  readonly up: number;
  /** Enlarge by bilinear interpolation instead of repeating pixels. */
  readonly smooth: boolean;
  /** Threshold the crop at the midpoint of its dark and light levels (blurry codes). */
  readonly binarize: boolean;
}

/**
 * Shifts a crop that will be averaged down×down so its boxes start on a module edge (found from
 * the top-left finder's centre, 3.5 modules in from the symbol's corner): on a crisp screenshot
 * each box then lies inside one module, where a box straddling two would blur every module
 * edge into a gray jsQR may not read. Grows the crop by the shift.
 */
export function alignToModules<R extends Region>(
  region: R,
  down: number,
  frameWidth: number,
  frameHeight: number,
): R {
  if (down <= 1 || !moduleAligned(region)) return region;
  const corner = region.finders!.topLeft;
  // Boxes repeat every `period` source pixels (3 for 1.5). Only ever grows the crop (never
  // into its quiet zone).
  const period = Number.isInteger(down) ? down : down * 2;
  const phase = (start: number, edge: number) => {
    const back = (((start - Math.round(edge)) % period) + period) % period;
    return start >= back ? start - back : start;
  };
  const x = phase(region.x, corner.x - 3.5 * region.module + 0.5);
  const y = phase(region.y, corner.y - 3.5 * region.module + 0.5);
  return {
    ...region,
    x,
    y,
    width: Math.min(frameWidth - x, region.width + region.x - x),
    height: Math.min(frameHeight - y, region.height + region.y - y),
  };
}

/**
 * True for upright symbols with whole-pixel modules (screens at 100 %): every module edge lies
 * on a pixel column and row, so crops can be aligned to them.
 */
export function moduleAligned(region: Region): boolean {
  const f = region.finders;
  const slack = region.module / 2;
  return (
    f !== undefined &&
    Math.abs(region.module - Math.round(region.module)) <= 0.1 &&
    Math.abs(f.topRight.y - f.topLeft.y) <= slack &&
    Math.abs(f.bottomLeft.x - f.topLeft.x) <= slack
  );
}

/**
 * Crops a rectangle and rescales it by integer factors so modules stay whole pixels. The result
 * is RGBA (jsQR's input), optionally inverted so light-on-dark codes read as dark-on-light.
 */
export function cropToRgba(
  plane: LumaPlane,
  crop: { x: number; y: number; width: number; height: number },
  plan: CropPlan,
  invert: boolean,
): { data: Uint8ClampedArray; width: number; height: number } {
  const { down, up } = plan;
  const sw = Math.floor(crop.width / down);
  const sh = Math.floor(crop.height / down);
  const flip = invert ? 255 : 0;
  const small =
    down === 1.5
      ? twoThirds(plane, crop, sw, sh, flip)
      : boxAverage(plane, crop, down, sw, sh, flip);
  const w = sw * up,
    h = sh * up;
  const gray =
    up === 1 ? small : plan.smooth ? bilinear(small, sw, sh, up) : nearest(small, sw, sh, up);
  if (plan.binarize) binarizeInPlace(gray);
  const out = new Uint8ClampedArray(w * h * 4);
  const words = new Uint32Array(out.buffer);
  // Little-endian RGBA words: gray in R, G and B, opaque alpha.
  for (let i = 0; i < w * h; i++) {
    const v = gray[i]!;
    words[i] = (0xff000000 | (v << 16) | (v << 8) | v) >>> 0;
  }
  return { data: out, width: w, height: h };
}

function boxAverage(
  plane: LumaPlane,
  crop: { x: number; y: number },
  down: number,
  sw: number,
  sh: number,
  flip: number,
): Uint8Array {
  const small = new Uint8Array(sw * sh);
  const n = sw * down;
  const row = new Uint8Array(n);
  const sums = new Uint32Array(sw);
  const area = down * down;
  for (let sy = 0; sy < sh; sy++) {
    const at = sy * sw;
    if (down === 1) {
      plane.readSpan(crop.x, crop.y + sy, n, row);
      for (let sx = 0; sx < sw; sx++) small[at + sx] = row[sx]! ^ flip;
      continue;
    }
    sums.fill(0);
    for (let dy = 0; dy < down; dy++) {
      plane.readSpan(crop.x, crop.y + sy * down + dy, n, row);
      for (let sx = 0, x = 0; sx < sw; sx++) {
        let sum = 0;
        for (let dx = 0; dx < down; dx++, x++) sum += row[x]!;
        sums[sx]! += sum;
      }
    }
    for (let sx = 0; sx < sw; sx++) small[at + sx] = ((sums[sx]! / area) | 0) ^ flip;
  }
  return small;
}

/**
 * Scales by 2/3 with area weights: source pixels 3i, 3i+1, 3i+2 become 2i (⅔ of 3i, ⅓ of 3i+1)
 * and 2i+1 (⅓ of 3i+1, ⅔ of 3i+2). On a crop aligned to 3-px modules both lie inside one
 * module, so modules come out 2 px and crisp (jsQR's time grows with the crop's area).
 */
function twoThirds(
  plane: LumaPlane,
  crop: { x: number; y: number },
  sw: number,
  sh: number,
  flip: number,
): Uint8Array {
  const small = new Uint8Array(sw * sh);
  // Per output column: the first source column (in the crop) and the weight (in thirds) of it
  // and the next.
  const col = new Int32Array(sw),
    colFirst = new Int32Array(sw);
  for (let i = 0; i < sw; i++) {
    col[i] = (i >> 1) * 3 + (i & 1);
    colFirst[i] = i & 1 ? 1 : 2;
  }
  const n = sw === 0 ? 0 : col[sw - 1]! + 2;
  // Output rows 2k and 2k+1 read source rows 3k..3k+2: each converted once.
  const rows = [new Uint8Array(n), new Uint8Array(n), new Uint8Array(n)] as const;
  for (let j = 0; j < sh; j++) {
    const odd = j & 1;
    if (!odd) {
      const top = crop.y + (j >> 1) * 3;
      plane.readSpan(crop.x, top, n, rows[0]);
      plane.readSpan(crop.x, top + 1, n, rows[1]);
      if (j + 1 < sh) plane.readSpan(crop.x, top + 2, n, rows[2]);
    }
    const a = rows[odd]!,
      b = rows[odd + 1]!;
    const wy = odd ? 1 : 2;
    for (let i = 0, o = j * sw; i < sw; i++, o++) {
      const x0 = col[i]!,
        wx = colFirst[i]!;
      const top = wx * a[x0]! + (3 - wx) * a[x0 + 1]!;
      const bottom = wx * b[x0]! + (3 - wx) * b[x0 + 1]!;
      small[o] = (((wy * top + (3 - wy) * bottom) / 9) | 0) ^ flip;
    }
  }
  return small;
}

function nearest(src: Uint8Array, w: number, h: number, f: number): Uint8Array {
  const out = new Uint8Array(w * f * h * f);
  for (let y = 0; y < h * f; y++) {
    const row = ((y / f) | 0) * w;
    for (let x = 0; x < w * f; x++) out[y * w * f + x] = src[row + ((x / f) | 0)]!;
  }
  return out;
}

function bilinear(src: Uint8Array, w: number, h: number, f: number): Uint8Array {
  const W = w * f,
    H = h * f;
  const out = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    const sy = Math.min(h - 1, Math.max(0, (y + 0.5) / f - 0.5));
    const y0 = sy | 0,
      y1 = Math.min(h - 1, y0 + 1),
      ay = sy - y0;
    for (let x = 0; x < W; x++) {
      const sx = Math.min(w - 1, Math.max(0, (x + 0.5) / f - 0.5));
      const x0 = sx | 0,
        x1 = Math.min(w - 1, x0 + 1),
        ax = sx - x0;
      const top = src[y0 * w + x0]! * (1 - ax) + src[y0 * w + x1]! * ax;
      const bottom = src[y1 * w + x0]! * (1 - ax) + src[y1 * w + x1]! * ax;
      out[y * W + x] = top * (1 - ay) + bottom * ay;
    }
  }
  return out;
}

/** Global threshold halfway between the 5th and 95th percentile gray levels. */
function binarizeInPlace(gray: Uint8Array): void {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < gray.length; i++) histogram[gray[i]!]!++;
  const level = (q: number) => {
    let seen = 0;
    for (let v = 0; v < 256; v++) if ((seen += histogram[v]!) > q * gray.length) return v;
    return 255;
  };
  const threshold = (level(0.05) + level(0.95)) / 2;
  for (let i = 0; i < gray.length; i++) gray[i] = gray[i]! < threshold ? 0 : 255;
}

/**
 * The 4×-box-averaged pyramid level for big modules, as a luma image, built from every second
 * row of each box while the full-resolution scan reads those rows anyway (it scans every second
 * row): half a box still averages JPEG noise over 8 samples, and modules this level looks for
 * span 5 px or more, so the skipped rows carry nothing it needs. Rows arrive as the scan's own
 * sums of four pixels (one box wide), so they are not read a second time.
 */
export class BoxLevel {
  static readonly FACTOR = 4;
  readonly width: number;
  readonly height: number;
  /** Four-pixel sums of the first used row of the box row being built. */
  private readonly sums: Uint16Array;
  private readonly data: Uint8Array;

  constructor(sourceWidth: number, sourceHeight: number) {
    this.width = Math.floor(sourceWidth / BoxLevel.FACTOR);
    this.height = Math.floor(sourceHeight / BoxLevel.FACTOR);
    this.sums = new Uint16Array(this.width);
    this.data = new Uint8Array(this.width * this.height);
  }

  /**
   * Adds source row y if the level uses it (rows 1 and 3 of each box): from its sums of four
   * pixels (`quads[i]` covers pixels 4i..4i+3), or when `quads` is null from its running sums
   * (`prefix[i]`: pixels 0..4i−1; rows split into runs). Rows come in order, every used row
   * of a box before the next box row (the full-resolution scan's order).
   */
  addRow(y: number, quads: Uint16Array | null, prefix: Int32Array): void {
    // FACTOR 4: box row y >> 2; rows 1 and 3 of it, 8 samples a box (a shift, as floor ÷ 8).
    const by = y >> 2,
      dy = y & 3;
    if (by >= this.height || (dy & 1) === 0) return;
    const { width, sums } = this;
    if (dy === 1) {
      // The first row is kept; the second finishes the box row in the same pass.
      if (quads) sums.set(quads);
      else for (let x = 0; x < width; x++) sums[x] = prefix[x + 1]! - prefix[x]!;
      return;
    }
    const data = this.data;
    const at = by * width;
    if (quads) {
      for (let x = 0; x < width; x++) data[at + x] = (sums[x]! + quads[x]!) >> 3;
    } else {
      for (let x = 0; x < width; x++) data[at + x] = (sums[x]! + prefix[x + 1]! - prefix[x]!) >> 3;
    }
  }

  /** The level once every row it uses has been added. */
  image(): { data: Uint8Array; width: number; height: number; format: 'luma' } {
    return { data: this.data, width: this.width, height: this.height, format: 'luma' };
  }
}
