import type { LumaPlane } from './luma';

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
 * centre row and vertical module size to `out`.
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
  const height = plane.height;
  const dark = (yy: number) => plane.at(x, yy) < threshold;
  const runs = [0, 0, 0, 0, 0, 0]; // up: centre, ring, outer; down: centre, ring, outer
  let yy = y;
  for (let part = 0; part < 3; part++) {
    const want = part === 1 ? !centreDark : centreDark;
    while (yy >= 0 && dark(yy) === want && runs[part]! <= maxRun) {
      runs[part]!++;
      yy--;
    }
    if (runs[part] === 0 || runs[part]! > maxRun) return false;
  }
  const top = y - runs[0]! + 1;
  yy = y + 1;
  for (let part = 3; part < 6; part++) {
    const want = part === 4 ? !centreDark : centreDark;
    while (yy < height && dark(yy) === want && runs[part]! <= maxRun) {
      runs[part]!++;
      yy++;
    }
    if ((runs[part] === 0 && part !== 3) || runs[part]! > maxRun) return false;
  }
  const centre = runs[0]! + runs[3]!;
  if (!looksLikeFinder(runs[2]!, runs[1]!, centre, runs[4]!, runs[5]!)) return false;
  out.y = top + (centre - 1) / 2;
  out.module = (runs[2]! + runs[1]! + centre + runs[4]! + runs[5]!) / 7;
  return true;
}

/** Pixels per threshold segment, and segments either side averaged into a segment's threshold. */
const SEG_SHIFT = 3;
const SEG_RADIUS = 5;

/** Scans rows for finder patterns of either polarity; merges repeats of the same pattern. */
export function findFinders(plane: LumaPlane, options: FinderScanOptions): Finder[] {
  const { width, height } = plane;
  const { rowStep, margin } = options;
  const finders = new FinderSet();
  const segments = (width >> SEG_SHIFT) + 1;
  const segSum = new Int32Array(segments);
  const segCount = new Int32Array(segments);
  const darkBelow = new Int16Array(segments);
  const lightAbove = new Int16Array(segments);
  const mean = new Float32Array(segments);
  for (let x = 0; x < width; x++) segCount[x >> SEG_SHIFT]!++;
  const column = { y: 0, module: 0 };
  for (let y = rowStep >> 1; y < height; y += rowStep) {
    const luma = plane.row(y);
    segSum.fill(0);
    for (let x = 0; x < width; x++) segSum[x >> SEG_SHIFT]! += luma[x]!;
    let winSum = 0,
      winCount = 0;
    for (let k = 0; k < Math.min(SEG_RADIUS, segments); k++) {
      winSum += segSum[k]!;
      winCount += segCount[k]!;
    }
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
      darkBelow[k] = m - margin;
      lightAbove[k] = m + margin;
    }
    // Runs: r0..r3 completed, `run` the current one; `dark` the current colour.
    let r0 = 0,
      r1 = 0,
      r2 = 0,
      r3 = 0,
      run = 0;
    let dark = false;
    for (let x = 0; x <= width; x++) {
      if (x < width) {
        const v = luma[x]!;
        const s = x >> SEG_SHIFT;
        if (dark ? v <= lightAbove[s]! : v >= darkBelow[s]!) {
          run++;
          continue;
        }
      }
      // A run just ended at x-1: check the last five (r0..r3 and run).
      if (r0 > 0 && looksLikeFinder(r0, r1, r2, r3, run)) {
        const centreDark = dark; // r2 has the colour of the run that just ended
        const cx = Math.round(x - run - r3 - r2 / 2 - 0.5);
        const total = r0 + r1 + r2 + r3 + run;
        const threshold = mean[cx >> SEG_SHIFT]!;
        if (crossCheckColumn(plane, cx, y, threshold, centreDark, total, column)) {
          const module = total / 7;
          if (column.module > module * 0.6 && column.module < module * 1.6) {
            finders.add({
              x: x - run - r3 - r2 / 2 - 0.5,
              y: column.y,
              module: (module + column.module) / 2,
              inverted: !centreDark,
              hits: 1,
            });
          }
        }
      }
      r0 = r1;
      r1 = r2;
      r2 = r3;
      r3 = run;
      run = 1;
      dark = !dark;
    }
  }
  return finders.all;
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
