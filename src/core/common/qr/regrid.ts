import type { LumaPlane } from './luma';
import type { QrPoint } from './types';

/** Finder centres of one symbol: top-left, top-right and bottom-left in the symbol's own axes. */
export interface FinderTriple {
  readonly topLeft: QrPoint;
  readonly topRight: QrPoint;
  readonly bottomLeft: QrPoint;
}

/** A redrawn symbol: n×n modules (`size`) of 3 px behind a 4-module quiet zone, as RGBA. */
export interface RegridImage {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
  readonly size: number;
}

const PX = 3;
const QUIET = 4;

/**
 * Last resort for blurred tiny codes (1–2.5 px modules after 125 %/150 % scaling) and codes
 * whose third finder was smudged away: sample the module grid ourselves from the finder
 * geometry, threshold it, and redraw a crisp symbol (3 px modules, clean finders, quiet zone)
 * for jsQR, whose Reed–Solomon decoding absorbs the sampling errors (ISO/IEC 18004 §7.5).
 * Tries the symbol size (17 + 4·version) nearest to the measured finder distance, and its
 * neighbours.
 */
export function* regridCandidates(
  plane: LumaPlane,
  finders: FinderTriple,
  module: number,
  inverted: boolean,
): Generator<RegridImage> {
  const { topLeft: a, topRight: b, bottomLeft: c } = finders;
  const span = (Math.hypot(b.x - a.x, b.y - a.y) + Math.hypot(c.x - a.x, c.y - a.y)) / 2 / module;
  const version = Math.round((span + 7 - 17) / 4);
  // Lazily: the first (fitted) grid usually decodes, and each grid costs a resample.
  const grid = (n: number, t: FinderTriple) => ({
    ...render(sample(plane, t.topLeft, t.topRight, t.bottomLeft, n, inverted), n),
    size: n,
  });
  // First the grid whose function patterns fit the pixels best: finder centres are only known
  // to about half a pixel, and at 1.25-px modules (125 % scaling) that puts whole rows of
  // samples on the wrong module.
  if (version >= 1 && version <= 40) {
    const n = 17 + 4 * version;
    yield grid(n, fitGrid(plane, finders, n, inverted));
  }
  // Then the measured centres at nine sub-pixel shifts, and the neighbouring sizes.
  const plans: [number, number, number][] = [];
  for (const dy of [0, -0.3, 0.3]) for (const dx of [0, -0.3, 0.3]) plans.push([version, dx, dy]);
  plans.push([version - 1, 0, 0], [version + 1, 0, 0]);
  for (const [v, dx, dy] of plans) {
    if (v < 1 || v > 40) continue;
    const shift = (p: QrPoint) => ({ x: p.x + dx, y: p.y + dy });
    yield grid(17 + 4 * v, { topLeft: shift(a), topRight: shift(b), bottomLeft: shift(c) });
  }
}

/**
 * Moves the grid's three finder centres in fractions of a pixel to where the modules that
 * every symbol of size n shares (ISO/IEC 18004 §6.3: finders, separators, timing patterns)
 * read with the most contrast: first the whole grid on a coarse lattice, then each corner
 * coordinate alone, in halving steps. Fractional pitches need this: no pixel line follows a
 * 1.25-px module row.
 */
function fitGrid(
  plane: LumaPlane,
  start: FinderTriple,
  n: number,
  inverted: boolean,
): FinderTriple {
  const pattern = functionModules(n);
  const score = (p: number[]) =>
    fitScore(
      plane,
      {
        topLeft: { x: p[0]!, y: p[1]! },
        topRight: { x: p[2]!, y: p[3]! },
        bottomLeft: { x: p[4]!, y: p[5]! },
      },
      n,
      pattern,
      inverted,
    );
  const { topLeft: a, topRight: b, bottomLeft: c } = start;
  let best = [a.x, a.y, b.x, b.y, c.x, c.y];
  let bestScore = score(best);
  const origin = best;
  for (let j = -3; j <= 3; j++)
    for (let i = -3; i <= 3; i++) {
      const p = origin.map((v, k) => v + (k % 2 === 0 ? i : j) * 0.2);
      const s = score(p);
      if (s > bestScore) [best, bestScore] = [p, s];
    }
  for (let step = 0.3; step > 0.05; step /= 2) {
    for (let improved = true, rounds = 0; improved && rounds < 8; rounds++) {
      improved = false;
      for (let k = 0; k < 6; k++) {
        for (const d of [step, -step]) {
          const p = best.slice();
          p[k]! += d;
          const s = score(p);
          if (s > bestScore) [best, bestScore, improved] = [p, s, true];
        }
      }
    }
  }
  return {
    topLeft: { x: best[0]!, y: best[1]! },
    topRight: { x: best[2]!, y: best[3]! },
    bottomLeft: { x: best[4]!, y: best[5]! },
  };
}

/** Light minus dark sample sums over the function modules: higher is a better-placed grid. */
function fitScore(
  plane: LumaPlane,
  t: FinderTriple,
  n: number,
  pattern: Int8Array,
  inverted: boolean,
): number {
  const a = t.topLeft;
  const ux = (t.topRight.x - a.x) / (n - 7),
    uy = (t.topRight.y - a.y) / (n - 7);
  const vx = (t.bottomLeft.x - a.x) / (n - 7),
    vy = (t.bottomLeft.y - a.y) / (n - 7);
  let score = 0;
  for (let r = 0, k = 0; r < n; r++) {
    for (let col = 0; col < n; col++, k++) {
      const want = pattern[k]!;
      if (want === 0) continue;
      const x = a.x + (col - 3) * ux + (r - 3) * vx;
      const y = a.y + (col - 3) * uy + (r - 3) * vy;
      const v = bilinear(plane, x, y) ^ (inverted ? 255 : 0);
      score += want > 0 ? -v : v;
    }
  }
  return score;
}

/** +1 dark, −1 light, 0 data: the finders with their separators and the timing patterns. */
function functionModules(n: number): Int8Array {
  const out = new Int8Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let col = 0; col < n; col++) {
      const f = finderModule(r, col, n);
      if (f !== null) out[r * n + col] = f ? 1 : -1;
      else if (r === 6 || col === 6) out[r * n + col] = (r + col) % 2 === 0 ? 1 : -1;
    }
  }
  return out;
}

/** Dark (1), light (0) or not part of a finder or its separator (null). */
function finderModule(r: number, col: number, n: number): number | null {
  for (const [r0, c0] of [
    [0, 0],
    [0, n - 7],
    [n - 7, 0],
  ] as const) {
    const i = r - r0,
      j = col - c0;
    if (i >= -1 && i <= 7 && j >= -1 && j <= 7) {
      const ring = Math.max(Math.abs(i - 3), Math.abs(j - 3));
      return ring === 2 || ring === 4 ? 0 : 1;
    }
  }
  return null;
}

function sample(
  plane: LumaPlane,
  a: QrPoint,
  b: QrPoint,
  c: QrPoint,
  n: number,
  inverted: boolean,
): Uint8Array {
  const ux = (b.x - a.x) / (n - 7),
    uy = (b.y - a.y) / (n - 7);
  const vx = (c.x - a.x) / (n - 7),
    vy = (c.y - a.y) / (n - 7);
  const values = new Uint8Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let col = 0; col < n; col++) {
      const x = a.x + 0.5 + (col - 3) * ux + (r - 3) * vx;
      const y = a.y + 0.5 + (col - 3) * uy + (r - 3) * vy;
      values[r * n + col] = bilinear(plane, x - 0.5, y - 0.5) ^ (inverted ? 255 : 0);
    }
  }
  const sorted = [...values].sort((p, q) => p - q);
  const threshold =
    (sorted[Math.floor(sorted.length * 0.1)]! + sorted[Math.floor(sorted.length * 0.9)]!) / 2;
  return values.map((v) => (v < threshold ? 1 : 0));
}

function bilinear(plane: LumaPlane, x: number, y: number): number {
  const x0 = Math.max(0, Math.min(plane.width - 2, Math.floor(x)));
  const y0 = Math.max(0, Math.min(plane.height - 2, Math.floor(y)));
  const ax = Math.max(0, Math.min(1, x - x0)),
    ay = Math.max(0, Math.min(1, y - y0));
  const top = plane.at(x0, y0) * (1 - ax) + plane.at(x0 + 1, y0) * ax;
  const bottom = plane.at(x0, y0 + 1) * (1 - ax) + plane.at(x0 + 1, y0 + 1) * ax;
  return top * (1 - ay) + bottom * ay;
}

/** Draws the sampled modules with the three finder patterns (and separators) restored. */
function render(
  dark: Uint8Array,
  n: number,
): { data: Uint8ClampedArray; width: number; height: number } {
  const side = (n + 2 * QUIET) * PX;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let r = 0; r < n; r++) {
    for (let col = 0; col < n; col++) {
      if (!(finderModule(r, col, n) ?? dark[r * n + col])) continue;
      for (let y = 0; y < PX; y++) {
        const row = ((QUIET + r) * PX + y) * side;
        for (let x = 0; x < PX; x++) {
          const o = (row + (QUIET + col) * PX + x) * 4;
          data[o] = data[o + 1] = data[o + 2] = 0;
        }
      }
    }
  }
  return { data, width: side, height: side };
}
