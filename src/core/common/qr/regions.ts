import type { Finder } from './finders';
import type { LumaPlane } from './luma';
import type { FinderTriple } from './regrid';

/** A place worth decoding: a crop rectangle and the module size / polarity expected there. */
export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly module: number;
  readonly inverted: boolean;
  /** Lower is a better-shaped triple. */
  readonly score: number;
  /** Finder centres in the symbol's orientation, for regridding. */
  readonly finders?: FinderTriple;
}

/** Finder centres of a version-1 symbol are 14 modules apart, of version 40 170 (§6.3.3). */
const MIN_SPAN = 11;
const MAX_SPAN = 180;
/** Caps that keep a frame of noise (thousands of finder look-alikes) from going quadratic. */
const MAX_GROUPED = 600;
const MAX_REGIONS = 400;
const MAX_PAIRED = 250;

/**
 * Groups finders into triples shaped like a QR symbol's corners: a right angle at one finder,
 * two equal legs whose length in modules fits a QR version, similar module sizes, one polarity.
 * Each triple becomes a crop covering the symbol plus part of its quiet zone. Triples and pairs
 * of modules under `minModule` are left out before their (costly) shape checks.
 */
export function regionsFromFinders(
  plane: LumaPlane,
  found: readonly Finder[],
  minModule = 0,
): Region[] {
  const { width, height } = plane;
  const regions: Region[] = [];
  // A finder of 2-px modules or more spans several scanned rows; one sighting is noise.
  const finders = found
    .filter((f) => f.hits >= 2 || f.module < 2.2)
    .sort((f, g) => g.hits - f.hits)
    .slice(0, MAX_GROUPED);
  const paired = new Set<Finder>();
  for (let a = 0; a < finders.length && regions.length < MAX_REGIONS; a++) {
    const A = finders[a]!;
    const near: { f: Finder; dx: number; dy: number; d: number }[] = [];
    for (let b = 0; b < finders.length; b++) {
      const B = finders[b]!;
      if (b === a || B.inverted !== A.inverted) continue;
      const ratio = B.module / A.module;
      if (ratio < 0.65 || ratio > 1.55) continue;
      const dx = B.x - A.x,
        dy = B.y - A.y;
      const d = Math.hypot(dx, dy);
      const span = d / ((A.module + B.module) / 2);
      if (span >= MIN_SPAN && span <= MAX_SPAN) near.push({ f: B, dx, dy, d });
    }
    for (let i = 0; i < near.length; i++) {
      for (let j = i + 1; j < near.length; j++) {
        const p = near[i]!,
          q = near[j]!;
        const legs = p.d / q.d;
        if (legs < 0.85 || legs > 1.18) continue;
        const cos = (p.dx * q.dx + p.dy * q.dy) / (p.d * q.d);
        if (Math.abs(cos) > 0.2) continue;
        const module = (A.module + p.f.module + q.f.module) / 3;
        if (module < minModule) continue;
        // Cheapest test first: the corner finder's full square, then the timing patterns.
        const axes = { ux: p.dx / p.d, uy: p.dy / p.d, vx: q.dx / q.d, vy: q.dy / q.d };
        if (!finderShape(plane, A, axes, module)) continue;
        if (!timingPattern(plane, A, p.f, q.f, module)) continue;
        if (!timingPattern(plane, A, q.f, p.f, module)) continue;
        if (!finderShape(plane, p.f, axes, module) || !finderShape(plane, q.f, axes, module))
          continue;
        const hits = Math.min(A.hits + p.f.hits + q.f.hits, 12);
        const score = Math.abs(cos) + Math.abs(1 - legs) - hits * 0.01;
        regions.push(square(A, p.f, q.f, module, score, width, height));
        paired.add(A).add(p.f).add(q.f);
      }
    }
  }
  regions.sort((r, s) => r.score - s.score);
  return [...regions, ...regionsFromPairs(plane, finders, paired, minModule)];
}

/**
 * Blur or JPEG can erase one of the three finders of a small code. Two finders joined by a
 * timing pattern, with a second timing pattern leaving one of them at a right angle, still
 * pin the symbol down: the missing corner is where that second pattern points.
 */
function regionsFromPairs(
  plane: LumaPlane,
  finders: readonly Finder[],
  paired: ReadonlySet<Finder>,
  minModule: number,
): Region[] {
  const regions: Region[] = [];
  const lonely = finders.filter((f) => !paired.has(f)).slice(0, MAX_PAIRED);
  for (let i = 0; i < lonely.length; i++) {
    for (let j = i + 1; j < lonely.length; j++) {
      const P = lonely[i]!,
        Q = lonely[j]!;
      if (P.inverted !== Q.inverted) continue;
      const ratio = P.module / Q.module;
      if (ratio < 0.75 || ratio > 1.33) continue;
      const module = (P.module + Q.module) / 2;
      if (module < minModule) continue;
      const dx = Math.abs(Q.x - P.x),
        dy = Math.abs(Q.y - P.y);
      const span = Math.hypot(dx, dy) / module;
      if (span < MIN_SPAN || span > MAX_SPAN) continue;
      // Only upright symbols (screens): a rotated code missing a finder is left to chance.
      if (Math.min(dx, dy) > module) continue;
      for (const [corner, other] of [
        [P, Q],
        [Q, P],
      ] as const) {
        for (const side of [1, -1]) {
          const third = {
            x: corner.x - side * (other.y - corner.y),
            y: corner.y + side * (other.x - corner.x),
          };
          const d = Math.hypot(other.x - corner.x, other.y - corner.y);
          const frame = {
            ux: (other.x - corner.x) / d,
            uy: (other.y - corner.y) / d,
            vx: (third.x - corner.x) / d,
            vy: (third.y - corner.y) / d,
          };
          let ghost: Finder = { ...corner, x: third.x, y: third.y, hits: 0 };
          let [a, b] = [corner, other];
          const timed =
            timingAt(plane, corner, other, third, module, 3) &&
            timingAt(plane, corner, ghost, other, module, 3);
          if (timed) {
            if (!finderShape(plane, a, frame, module) || !finderShape(plane, b, frame, module))
              continue;
          } else {
            // Modules under ~2.6 px after fractional scaling blur the timing pattern below
            // what a pixel line can read, and the row scan's centres drift by up to a module;
            // the three whole finder squares, sampled where they must be, still show.
            // Cheap gate first: both measured finders must already look roughly square.
            if (module >= 2.6) continue;
            if (finderScore(plane, a, frame, module) < 30) continue;
            if (finderScore(plane, b, frame, module) < 30) continue;
            const third = locateFinder(plane, ghost, frame, module);
            const first = third && locateFinder(plane, a, frame, module);
            const second = first && locateFinder(plane, b, frame, module);
            if (!third || !first || !second) continue;
            [ghost, a, b] = [third, first, second];
          }
          regions.push(square(a, b, ghost, module, 1, plane.width, plane.height));
          if (regions.length >= MAX_REGIONS) return regions;
        }
      }
    }
  }
  return regions;
}

/** The crop around a symbol whose finder centres are A (the corner), B and C. */
function square(
  A: Finder,
  B: { x: number; y: number },
  C: { x: number; y: number },
  module: number,
  score: number,
  width: number,
  height: number,
): Region {
  const xs = [A.x, B.x, C.x, B.x + C.x - A.x];
  const ys = [A.y, B.y, C.y, B.y + C.y - A.y];
  // Top-right is the one for which (B − A) × (C − A) > 0 with y pointing down.
  const clockwise = (B.x - A.x) * (C.y - A.y) - (B.y - A.y) * (C.x - A.x) > 0;
  const finders: FinderTriple = clockwise
    ? { topLeft: A, topRight: B, bottomLeft: C }
    : { topLeft: A, topRight: C, bottomLeft: B };
  // Finder centre to symbol edge is 3.5 modules; add room for rotation and quiet zone.
  const pad = module * 6 + 2;
  const x0 = Math.max(0, Math.floor(Math.min(...xs) - pad));
  const y0 = Math.max(0, Math.floor(Math.min(...ys) - pad));
  const x1 = Math.min(width, Math.ceil(Math.max(...xs) + pad));
  const y1 = Math.min(height, Math.ceil(Math.max(...ys) + pad));
  return {
    x: x0,
    y: y0,
    width: x1 - x0,
    height: y1 - y0,
    module,
    inverted: A.inverted,
    score,
    finders: {
      topLeft: { x: finders.topLeft.x, y: finders.topLeft.y },
      topRight: { x: finders.topRight.x, y: finders.topRight.y },
      bottomLeft: { x: finders.bottomLeft.x, y: finders.bottomLeft.y },
    },
  };
}

/**
 * Checks the timing pattern (§6.3.5) between finders A and B: the module row six modules in
 * from the edge alternates dark/light between the two finders' separators. It lies three
 * modules from the line through the finder centres, on the side of the third finder C.
 * Text and icons that happen to look like three finders almost never have it.
 */
function timingPattern(plane: LumaPlane, A: Finder, B: Finder, C: Finder, module: number): boolean {
  // Blurred 1–2 px modules can put one sampling line on a module edge: try three offsets.
  return [3, 2.7, 3.3].some((offset) => timingAt(plane, A, B, C, module, offset));
}

/** Reused sample buffers: these checks run thousands of times per frame. */
let timingValues = new Uint8Array(256);
const shapeSamples = new Uint8Array(49);

function timingAt(
  plane: LumaPlane,
  A: Finder,
  B: Finder,
  C: { x: number; y: number },
  module: number,
  offset: number,
): boolean {
  const dx = B.x - A.x,
    dy = B.y - A.y;
  const d = Math.hypot(dx, dy);
  const ux = dx / d,
    uy = dy / d;
  let nx = -uy,
    ny = ux;
  if ((C.x - A.x) * nx + (C.y - A.y) * ny < 0) {
    nx = -nx;
    ny = -ny;
  }
  const expected = d / module - 10; // transitions between columns 8 and N-9
  const sx = A.x + 0.5 + ux * 5 * module + nx * offset * module;
  const sy = A.y + 0.5 + uy * 5 * module + ny * offset * module;
  const length = d - 10 * module;
  const steps = Math.max(2, Math.ceil(length));
  if (timingValues.length < steps + 1) timingValues = new Uint8Array(steps + 1);
  const values = timingValues.subarray(0, steps + 1);
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const x = Math.floor(sx + (ux * length * i) / steps),
      y = Math.floor(sy + (uy * length * i) / steps);
    if (x < 0 || y < 0 || x >= plane.width || y >= plane.height) return false;
    const v = plane.at(x, y) ^ (A.inverted ? 255 : 0);
    values[i] = v;
    sum += v;
  }
  const mean = sum / values.length;
  let transitions = 0;
  let dark = values[0]! < mean;
  for (let i = 1; i < values.length; i++) {
    const v = values[i]!;
    if (dark ? v > mean + 8 : v < mean - 8) {
      dark = !dark;
      transitions++;
    }
  }
  return transitions >= expected * 0.7 - 1 && transitions <= expected * 1.3 + 2;
}

/**
 * The whole 7×7 finder (§6.3.3: dark 3×3 core, light ring, dark ring), sampled at module
 * centres in the symbol's own axes. Row runs of text or noise can read 1:1:3:1:1 by chance;
 * the full square rarely does. At least 42 of the 49 samples must sit on the right side of the
 * midpoint between the two levels, with real contrast between them.
 */
function finderShape(
  plane: LumaPlane,
  f: Finder,
  axes: { ux: number; uy: number; vx: number; vy: number },
  module: number,
): boolean {
  return finderScore(plane, f, axes, module) >= 42;
}

/**
 * The best-matching finder square within about one module of `guess` (quarter-module steps),
 * or null when none reaches `finderShape`'s bar.
 */
function locateFinder(
  plane: LumaPlane,
  guess: Finder,
  axes: { ux: number; uy: number; vx: number; vy: number },
  module: number,
): Finder | null {
  let best: Finder | null = null,
    bestScore = 41;
  const step = module / 4;
  for (let j = -5; j <= 5; j++) {
    for (let i = -5; i <= 5; i++) {
      const at = { ...guess, x: guess.x + i * step, y: guess.y + j * step };
      const score = finderScore(plane, at, axes, module);
      if (score > bestScore) {
        best = at;
        bestScore = score;
      }
    }
  }
  return best;
}

/** How many of the 49 module samples of a finder square sit on the right side (−1: no contrast). */
function finderScore(
  plane: LumaPlane,
  f: Finder,
  axes: { ux: number; uy: number; vx: number; vy: number },
  module: number,
): number {
  const samples = shapeSamples;
  let darkSum = 0,
    lightSum = 0;
  for (let j = -3, k = 0; j <= 3; j++) {
    for (let i = -3; i <= 3; i++, k++) {
      const x = Math.floor(f.x + 0.5 + (i * axes.ux + j * axes.vx) * module);
      const y = Math.floor(f.y + 0.5 + (i * axes.uy + j * axes.vy) * module);
      if (x < 0 || y < 0 || x >= plane.width || y >= plane.height) return -1;
      const v = plane.at(x, y) ^ (f.inverted ? 255 : 0);
      samples[k] = v;
      if (Math.max(Math.abs(i), Math.abs(j)) === 2) lightSum += v;
      else darkSum += v;
    }
  }
  const dark = darkSum / 33,
    light = lightSum / 16;
  if (light - dark < 40) return -1;
  const mid = (dark + light) / 2;
  let right = 0;
  for (let j = -3, k = 0; j <= 3; j++) {
    for (let i = -3; i <= 3; i++, k++) {
      const ring = Math.max(Math.abs(i), Math.abs(j)) === 2;
      if (ring === samples[k]! >= mid) right++;
    }
  }
  return right;
}
