import { RowRuns, type LumaPlane } from './luma';

/**
 * Finder-pattern candidates (ISO/IEC 18004 §6.3.3: the three corner squares whose dark/light
 * runs along any line through the centre read 1:1:3:1:1). We scan every `rowStep`-th row with
 * a local threshold (the mean of ~90 px around each 8-px segment, with hysteresis so flat areas
 * and gradients produce no edges), then confirm each hit along its column.
 */

export interface Finder {
  x: number;
  y: number;
  /** Estimated module size in pixels. */
  module: number;
  /** True for light-on-dark patterns (dark-theme codes). */
  inverted: boolean;
  /** How many scan rows confirmed it. */
  hits: number;
}

export interface FinderScanOptions {
  readonly rowStep: number;
  /** Gray levels a pixel must clear the local mean by to change colour. */
  readonly margin: number;
  /**
   * Sees every scanned row as the sums of its pixels four at a time (the thresholds are built
   * from them, so a consumer needs no pass of its own): `quads[i]` covers pixels 4i..4i+3 on
   * busy rows; on rows split into runs `quads` is null and `prefix[i]` is the sum of pixels
   * 0..4i−1.
   */
  readonly onRow?: (y: number, quads: Uint16Array | null, prefix: Int32Array) => void;
}

/** Runs of lengths r0..r4 match 1:1:3:1:1 within a tolerance that admits 1-px modules. */
function looksLikeFinder(r0: number, r1: number, r2: number, r3: number, r4: number): boolean {
  const total = r0 + r1 + r2 + r3 + r4;
  if (total < 7) return false;
  const m = total / 7;
  const tol = m * 0.5 + 0.75;
  return (
    Math.abs(r0 - m) < tol &&
    Math.abs(r1 - m) < tol &&
    Math.abs(r3 - m) < tol &&
    Math.abs(r4 - m) < tol &&
    Math.abs(r2 - 3 * m) < m + 1.25
  );
}

/**
 * Walks the column through (x, y) with a fixed threshold; on a 1:1:3:1:1 match writes the refined
 * centre row and vertical module size to `out`. `maxRun` is the horizontal match's width.
 */
function crossCheckColumn(
  plane: LumaPlane,
  x: number,
  y: number,
  threshold: number,
  centreDark: boolean,
  maxRun: number,
  out: { y: number; module: number },
): boolean {
  // Runs walking up (centre, ring, outer) and down (centre, ring, outer); no closures or
  // arrays here: this runs for every horizontal match (thousands per frame of text, nearly all
  // rejected, each step a cache miss). A match is kept only if its vertical module is under
  // 1.6 × the horizontal one (findFinders) and its runs pass looksLikeFinder: so a ring or
  // outer run of 2.4 modules + 0.75 or a centre of 6.4 modules + 1.25 already rejects it, and
  // the walk stops there instead of at the whole width.
  const m = maxRun / 7;
  const centreCap = Math.min(maxRun, 6.4 * m + 1.25),
    ringCap = Math.min(maxRun, 2.4 * m + 0.75);
  const up = walk(plane, x, y, -1, threshold, centreDark, centreCap, ringCap, runs);
  if (!up) return false;
  const c0 = runs[0]!,
    b0 = runs[1]!,
    a0 = runs[2]!;
  if (!walk(plane, x, y + 1, 1, threshold, centreDark, centreCap - c0, ringCap, runs)) return false;
  const c1 = runs[0]!,
    b1 = runs[1]!,
    a1 = runs[2]!;
  if (b1 === 0 || a1 === 0) return false;
  const centre = c0 + c1;
  if (!looksLikeFinder(a0, b0, centre, b1, a1)) return false;
  out.y = y - c0 + 1 + (centre - 1) / 2;
  out.module = (a0 + b0 + centre + b1 + a1) / 7;
  return true;
}

const runs = new Int32Array(3);

/** Counts the centre, ring and outer runs from (x, y) in direction dy; false if one is too long. */
function walk(
  plane: LumaPlane,
  x: number,
  y: number,
  dy: number,
  threshold: number,
  centreDark: boolean,
  centreCap: number,
  ringCap: number,
  out: Int32Array,
): boolean {
  let yy = y;
  const height = plane.height;
  for (let part = 0; part < 3; part++) {
    const want = part === 1 ? !centreDark : centreDark;
    const maxRun = part === 0 ? centreCap : ringCap;
    let n = 0;
    while (yy >= 0 && yy < height && plane.at(x, yy) < threshold === want) {
      if (++n > maxRun) return false;
      yy += dy;
    }
    out[part] = n;
    if (n === 0 && !(part === 0 && dy > 0)) return false;
  }
  return true;
}

/** Pixels per threshold segment, and segments either side averaged into a segment's threshold. */
const SEG_SHIFT = 3;
const SEG_RADIUS = 5;
/** A row with at most one run per this many pixels is scanned run by run. */
const RUN_PATH_DENSITY = 3;

/** Scans rows for finder patterns of either polarity; merges repeats of the same pattern. */
export function findFinders(plane: LumaPlane, options: FinderScanOptions): Finder[] {
  const { width, height } = plane;
  const { rowStep, margin, onRow } = options;
  const finders = new FinderSet();
  const segments = (width >> SEG_SHIFT) + 1;
  const segSum = new Int32Array(segments);
  const segCount = new Int32Array(segments);
  const mean = new Float32Array(segments);
  for (let x = 0; x < width; x++) segCount[x >> SEG_SHIFT]!++;
  const column = { y: 0, module: 0 };
  const edges = new Int32Array(width + 2);
  let rowRuns = new RowRuns(width),
    lastRuns = new RowRuns(width);
  const maxRuns = Math.floor(width / RUN_PATH_DENSITY);
  // The row's running sum at every fourth pixel (two per segment), for rows split into runs.
  const prefix = new Int32Array(2 * segments + 1);
  const quads = new Uint16Array(width >> 2);
  let count = 0,
    byRuns = false;
  for (let y = rowStep >> 1; y < height; y += rowStep) {
    // JPEG noise comes in bands: after a busy row, the next is converted straight away.
    const luma = plane.scanRow(y, rowRuns, maxRuns, lastRuns.busy);
    // A repeat of the last scanned row has the same thresholds and edges: only the column
    // checks below differ.
    if (!rowRuns.sameAs(lastRuns)) {
      // Flat rows (most of a screenshot) go run by run, busy rows pixel by pixel.
      byRuns = rowRuns.count >= 0;
      count = byRuns
        ? runEdges(rowRuns, width, margin, prefix, edges)
        : pixelEdges(luma!, width, margin, quads, segSum, segCount, mean, edges);
      edges[count++] = width;
      [rowRuns, lastRuns] = [lastRuns, rowRuns];
    }
    // A repeated row is a flat one whose prefix is still the last one computed.
    onRow?.(y, byRuns ? null : quads, prefix);
    // Run i spans edges[i]..edges[i+1] and is dark when i is even.
    for (let i = 0; i + 5 < count; i++) {
      const r0 = edges[i + 1]! - edges[i]!,
        r1 = edges[i + 2]! - edges[i + 1]!;
      const r2 = edges[i + 3]! - edges[i + 2]!,
        r3 = edges[i + 4]! - edges[i + 3]!;
      const r4 = edges[i + 5]! - edges[i + 4]!;
      if (r2 < r1 || r2 < r3 || !looksLikeFinder(r0, r1, r2, r3, r4)) continue;
      const centreDark = (i & 1) === 0;
      const centre = edges[i + 2]! + r2 / 2 - 0.5;
      const cx = Math.round(centre);
      const total = r0 + r1 + r2 + r3 + r4;
      const k = cx >> SEG_SHIFT;
      const threshold = byRuns ? windowMean(prefix, k, segments, width) : mean[k]!;
      if (!crossCheckColumn(plane, cx, y, threshold, centreDark, total, column)) continue;
      const module = total / 7;
      if (column.module > module * 0.6 && column.module < module * 1.6) {
        finders.add({
          x: centre,
          y: column.y,
          module: (module + column.module) / 2,
          inverted: !centreDark,
          hits: 1,
        });
      }
    }
  }
  return finders.all;
}

/**
 * Mean gray level around segment k (segments k−SEG_RADIUS..k+SEG_RADIUS, clipped to the row),
 * from `prefix`, the row's sums left of every fourth pixel (segment k starts at prefix[2k]).
 */
function windowMean(prefix: Int32Array, k: number, segments: number, width: number): number {
  const lo = k > SEG_RADIUS ? k - SEG_RADIUS : 0;
  const hi = Math.min(segments - 1, k + SEG_RADIUS);
  return (
    (prefix[2 * hi + 2]! - prefix[2 * lo]!) /
    (Math.min(width, (hi + 1) << SEG_SHIFT) - (lo << SEG_SHIFT))
  );
}

/**
 * The x of every colour change of a row given as runs (the row starts light), then a sentinel;
 * returns how many. Fills `prefix` for windowMean. A run of one level inside one segment can
 * change colour only at its first pixel, because the hysteresis band is wider than zero; a
 * segment whose whole threshold window lies inside one run (a flat stretch) cannot change it at
 * all, so its threshold is never computed.
 */
function runEdges(
  runs: RowRuns,
  width: number,
  margin: number,
  prefix: Int32Array,
  edges: Int32Array,
): number {
  const { starts, values, count: runCount } = runs;
  const segments = (prefix.length - 1) >> 1;
  const boundaries = prefix.length - 1;
  let sum = 0,
    j = 1;
  prefix[0] = 0;
  for (let r = 0; r < runCount; r++) {
    const v = values[r]!,
      a = starts[r]!,
      b = starts[r + 1]!;
    for (; j <= boundaries; j++) {
      const x = Math.min(width, j << 2);
      if (x > b) break;
      prefix[j] = sum + v * (x - a);
    }
    sum += v * (b - a);
  }
  let count = 0,
    dark = false;
  // Thresholds of the last segment computed: short runs (JPEG text) share a segment.
  let below = 0,
    above = 0,
    lastK = -1;
  for (let r = 0; r < runCount; r++) {
    const v = values[r]!,
      a = starts[r]!,
      b = starts[r + 1]!;
    for (let x = a; x < b;) {
      const k = x >> SEG_SHIFT;
      x = (k + 1) << SEG_SHIFT;
      const lo = k > SEG_RADIUS ? k - SEG_RADIUS : 0;
      const hi = Math.min(segments - 1, k + SEG_RADIUS);
      if (a <= lo << SEG_SHIFT && b >= Math.min(width, (hi + 1) << SEG_SHIFT)) {
        // So are the following segments up to the last whose window ends inside the run.
        const last = b >= width ? segments - 1 : (b >> SEG_SHIFT) - SEG_RADIUS - 1;
        if (last > k) x = (last + 1) << SEG_SHIFT;
        continue;
      }
      if (k !== lastK) {
        const m = windowMean(prefix, k, segments, width);
        // Truncated thresholds, as pixelEdges uses.
        below = (m - margin) | 0;
        above = (m + margin) | 0;
        lastK = k;
      }
      if (dark) {
        if (v > above) {
          edges[count++] = Math.max(a, k << SEG_SHIFT);
          dark = false;
        }
      } else if (v < below) {
        edges[count++] = Math.max(a, k << SEG_SHIFT);
        dark = true;
      }
    }
  }
  edges[count++] = width;
  return count;
}

/**
 * The same for a row given pixel by pixel (busy rows: JPEG noise, photos): sums of four pixels
 * (`quads`, kept for onRow), the local mean of each segment (kept in `mean` for the column
 * checks), then the colour changes.
 */
function pixelEdges(
  luma: Uint8Array,
  width: number,
  margin: number,
  quads: Uint16Array,
  segSum: Int32Array,
  segCount: Int32Array,
  mean: Float32Array,
  edges: Int32Array,
): number {
  const segments = segSum.length;
  const whole = quads.length;
  for (let i = 0, x = 0; i < whole; i++, x += 4)
    quads[i] = luma[x]! + luma[x + 1]! + luma[x + 2]! + luma[x + 3]!;
  // A segment is two quads (SEG_SHIFT 3); the last, partial one adds its pixels past them.
  const pairs = whole >> 1;
  for (let k = 0; k < pairs; k++) segSum[k] = quads[2 * k]! + quads[2 * k + 1]!;
  segSum.fill(0, pairs);
  if (whole & 1) segSum[pairs] = quads[whole - 1]!;
  for (let x = whole << 2; x < width; x++) segSum[x >> SEG_SHIFT]! += luma[x]!;
  let winSum = 0,
    winCount = 0;
  for (let k = 0; k < Math.min(SEG_RADIUS, segments); k++) {
    winSum += segSum[k]!;
    winCount += segCount[k]!;
  }
  let count = 0,
    dark = false;
  for (let k = 0; k < segments; k++) {
    const enter = k + SEG_RADIUS,
      leave = k - SEG_RADIUS - 1;
    if (enter < segments) {
      winSum += segSum[enter]!;
      winCount += segCount[enter]!;
    }
    if (leave >= 0) {
      winSum -= segSum[leave]!;
      winCount -= segCount[leave]!;
    }
    const m = winSum / winCount;
    mean[k] = m;
    // Truncated, as runEdges does.
    const below = (m - margin) | 0,
      above = (m + margin) | 0;
    const end = Math.min(width, (k + 1) << SEG_SHIFT);
    // Search for the next change of colour only: one comparison per pixel.
    let x = k << SEG_SHIFT;
    while (x < end) {
      if (dark) {
        while (x < end && luma[x]! <= above) x++;
        if (x === end) break;
        dark = false;
      } else {
        while (x < end && luma[x]! >= below) x++;
        if (x === end) break;
        dark = true;
      }
      edges[count++] = x++;
    }
  }
  edges[count++] = width;
  return count;
}

/** Finders are merged through a coarse grid so a noisy frame stays linear in its size. */
const CELL = 64;
/** Beyond this many distinct finders the frame is noise; later sightings are dropped. */
const MAX_FINDERS = 4000;

class FinderSet {
  readonly all: Finder[] = [];
  private readonly grid = new Map<number, Finder[]>();

  add(f: Finder): void {
    const cx = Math.floor(f.x / CELL),
      cy = Math.floor(f.y / CELL);
    for (let gy = cy - 1; gy <= cy + 1; gy++) {
      for (let gx = cx - 1; gx <= cx + 1; gx++) {
        for (const g of this.grid.get(gy * 65536 + gx) ?? []) {
          if (g.inverted !== f.inverted) continue;
          const near = Math.max(g.module, f.module) * 1.5 + 1;
          if (Math.abs(g.x - f.x) < near && Math.abs(g.y - f.y) < near) {
            const n = g.hits + 1;
            g.x = (g.x * g.hits + f.x) / n;
            g.y = (g.y * g.hits + f.y) / n;
            g.module = (g.module * g.hits + f.module) / n;
            g.hits = n;
            return;
          }
        }
      }
    }
    if (this.all.length >= MAX_FINDERS) return;
    this.all.push(f);
    const key = cy * 65536 + cx;
    const cell = this.grid.get(key);
    if (cell) cell.push(f);
    else this.grid.set(key, [f]);
  }
}
