/**
 * Seeded generator of synthetic screenshots holding QR codes, for the QR pipeline's tests and
 * benchmark. Deterministic: the same source produces the same files. Files land in a git-ignored
 * cache (node_modules/.cache/latchkey-qr-corpus/) and are rebuilt only when missing or when this
 * script changed. Run directly (`npx tsx tests/corpus/generate-qr-corpus.ts`) or import
 * `ensureQrCorpus()`.
 *
 * QR module matrices come from the `qrcode` package (`QRCode.create`); we paint the pixels.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { readImageFile, type RgbaImage } from '../../src/core/node/image/index';
import { seeded } from '../support/seeded';

const here = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = resolve(here, '../../node_modules/.cache/latchkey-qr-corpus');

export type CorpusCategory =
  | '4k-m2to8'
  | '4k-m1'
  | '4k-125pct'
  | '4k-150pct'
  | '4k-dark'
  | 'multi-display'
  | 'jpeg'
  | 'no-code';

export interface CorpusCode {
  readonly text: string;
  /** Module size in output pixels (may be fractional after scaling). */
  readonly module: number;
  readonly inverted: boolean;
  /** Bounds of the symbol (without quiet zone) in output pixels. */
  readonly bounds: { x: number; y: number; width: number; height: number };
}

export interface CorpusImage {
  readonly file: string;
  readonly category: CorpusCategory;
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  readonly jpegQuality?: number;
  /** Codes in reading order (rows top to bottom, left to right within a row). */
  readonly codes: readonly CorpusCode[];
}

interface Manifest {
  readonly version: string;
  readonly images: readonly CorpusImage[];
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness (mulberry32, tests/support/seeded.ts).
const rng = seeded;

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

// ---------------------------------------------------------------------------------------------
// Realistic payloads.

const ISSUERS = ['GitHub', 'Proton', 'Example Corp', 'AWS', 'Dropbox', 'Fastmail', 'Tailscale'];
const NAMES = ['alice@example.com', 'bob.smith', 'ops+2fa@example.org', 'carol', 'dev@corp.test'];
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function otpauthText(r: Rand): string {
  const issuer = pick(r, ISSUERS);
  const secret = Array.from({ length: pick(r, [16, 26, 32, 52]) }, () => pick(r, [...B32])).join(
    '',
  );
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(pick(r, NAMES))}`;
  const extra = r() < 0.3 ? `&algorithm=SHA256&digits=8&period=${pick(r, [30, 60])}` : '';
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}${extra}`;
}

function migrationText(r: Rand): string {
  const bytes = Uint8Array.from({ length: int(r, 60, 180) }, () => int(r, 0, 255));
  return `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`;
}

const payload = (r: Rand) => (r() < 0.2 ? migrationText(r) : otpauthText(r));

// ---------------------------------------------------------------------------------------------
// Painting.

class Canvas {
  readonly px: Uint32Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.px = new Uint32Array(width * height);
  }
  static rgb(r: number, g: number, b: number): number {
    return (0xff000000 | (b << 16) | (g << 8) | r) >>> 0; // little-endian RGBA
  }
  rect(x: number, y: number, w: number, h: number, colour: number): void {
    const x0 = Math.max(0, x),
      y0 = Math.max(0, y);
    const x1 = Math.min(this.width, x + w),
      y1 = Math.min(this.height, y + h);
    for (let yy = y0; yy < y1; yy++)
      this.px.fill(colour, yy * this.width + x0, yy * this.width + x1);
  }
  gradient(x: number, y: number, w: number, h: number, from: number[], to: number[]): void {
    for (let i = 0; i < h; i++) {
      const t = i / Math.max(1, h - 1);
      const c = from.map((f, k) => Math.round(f + (to[k]! - f) * t));
      this.rect(x, y + i, w, 1, Canvas.rgb(c[0]!, c[1]!, c[2]!));
    }
  }
  rgba(): Uint8ClampedArray {
    return new Uint8ClampedArray(this.px.buffer);
  }
}

interface Theme {
  readonly bg: number;
  readonly panel: () => number;
  readonly ink: number;
  readonly qrDark: number;
  readonly qrLight: number;
}

const lightTheme = (r: Rand): Theme => ({
  bg: Canvas.rgb(236, 238, 242),
  panel: () => Canvas.rgb(int(r, 200, 255), int(r, 200, 255), int(r, 200, 255)),
  ink: Canvas.rgb(30, 30, 40),
  qrDark: Canvas.rgb(0, 0, 0),
  qrLight: Canvas.rgb(255, 255, 255),
});

const darkTheme = (r: Rand): Theme => ({
  bg: Canvas.rgb(24, 26, 30),
  panel: () => Canvas.rgb(int(r, 30, 70), int(r, 30, 70), int(r, 30, 80)),
  ink: Canvas.rgb(220, 222, 228),
  // Dark-theme sites draw the code inverted: light modules on a dark ground.
  qrDark: Canvas.rgb(232, 232, 232),
  qrLight: Canvas.rgb(30, 30, 30),
});

/** Busy UI-like content: panels, gradients, text-like glyph rows and square icons. */
function paintUi(c: Canvas, r: Rand, x0: number, y0: number, w: number, h: number, theme: Theme) {
  c.rect(x0, y0, w, h, theme.bg);
  c.rect(x0, y0, w, 32, theme.panel());
  for (let i = 0; i < 14; i++) {
    const pw = int(r, 150, Math.max(160, w / 3)),
      ph = int(r, 80, Math.max(90, h / 3));
    const px = x0 + int(r, 0, w - pw),
      py = y0 + int(r, 40, h - ph);
    if (r() < 0.35) {
      const a = [int(r, 0, 255), int(r, 0, 255), int(r, 0, 255)];
      c.gradient(px, py, pw, ph, a, [int(r, 0, 255), int(r, 0, 255), int(r, 0, 255)]);
    } else c.rect(px, py, pw, ph, theme.panel());
  }
  // Text-like rows: glyphs of strokes, 7–12 px tall, the main source of false finder hits.
  for (let line = 0; line < h / 30; line++) {
    const ly = y0 + 40 + line * int(r, 18, 30);
    if (ly + 14 > y0 + h) break;
    let lx = x0 + int(r, 8, 200);
    const end = Math.min(x0 + w - 10, lx + int(r, 200, w * 0.8));
    const size = int(r, 7, 12);
    while (lx < end) {
      const gw = int(r, 3, size);
      for (let s = 0; s < 3; s++) {
        if (r() < 0.6) c.rect(lx + int(r, 0, gw - 1), ly, int(r, 1, 2), size, theme.ink);
        if (r() < 0.5) c.rect(lx, ly + int(r, 0, size - 1), gw, int(r, 1, 2), theme.ink);
      }
      lx += gw + int(r, 1, 3) + (r() < 0.15 ? int(r, 4, 10) : 0);
    }
  }
  // Square icons with a border and a centre dot: finder-pattern look-alikes.
  for (let i = 0; i < 12; i++) {
    const s = int(r, 7, 40),
      ix = x0 + int(r, 0, w - s),
      iy = y0 + int(r, 40, h - s);
    const b = Math.max(1, Math.round(s / 7));
    c.rect(ix, iy, s, s, theme.ink);
    c.rect(ix + b, iy + b, s - 2 * b, s - 2 * b, theme.bg);
    c.rect(ix + 2 * b, iy + 2 * b, s - 4 * b, s - 4 * b, theme.ink);
  }
}

interface Placed {
  text: string;
  module: number;
  inverted: boolean;
  x: number;
  y: number;
  size: number;
}

/** Paints a code with a 4-module quiet zone; returns the symbol's square (no quiet zone). */
function paintQr(c: Canvas, text: string, m: number, x: number, y: number, theme: Theme): number {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  c.rect(x - 4 * m, y - 4 * m, (n + 8) * m, (n + 8) * m, theme.qrLight);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.data[row * n + col]) c.rect(x + col * m, y + row * m, m, m, theme.qrDark);
    }
  }
  return n * m;
}

const qrModules = (text: string) => QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size;

/**
 * Places codes on a grid of cells inside a display so that reading order is well defined:
 * codes in one grid row overlap vertically, rows do not.
 */
function placeCodes(
  c: Canvas,
  r: Rand,
  display: { x: number; y: number; w: number; h: number },
  specs: readonly { module: number; inverted: boolean }[],
  light: Theme,
  dark: Theme,
): Placed[] {
  const cols = Math.min(specs.length, 3);
  const rows = Math.ceil(specs.length / cols);
  const cellW = Math.floor(display.w / cols),
    cellH = Math.floor((display.h - 40) / rows);
  const placed: Placed[] = [];
  specs.forEach((spec, i) => {
    let text = payload(r);
    let size = qrModules(text) * spec.module;
    while ((size + 8 * spec.module) * 1.15 > Math.min(cellW, cellH)) {
      text = otpauthText(r); // too big for the cell: fall back to a shorter link
      size = qrModules(text) * spec.module;
      if ((size + 8 * spec.module) * 1.15 > Math.min(cellW, cellH))
        throw new Error('cell too small');
    }
    const cx = display.x + (i % cols) * cellW,
      cy = display.y + 40 + Math.floor(i / cols) * cellH;
    const slackX = cellW - size - 8 * spec.module,
      slackY = cellH - size - 8 * spec.module;
    const x = cx + 4 * spec.module + int(r, 0, slackX - 1);
    const y = cy + 4 * spec.module + int(r, 0, Math.min(slackY - 1, Math.floor(size * 0.3)));
    paintQr(c, text, spec.module, x, y, spec.inverted ? dark : light);
    placed.push({ text, module: spec.module, inverted: spec.inverted, x, y, size });
  });
  return placed;
}

/** Bilinear resampling of the whole frame, as a desktop at 125 % / 150 % scaling would show it. */
function resizeBilinear(src: Canvas, w: number, h: number): Canvas {
  const out = new Canvas(w, h);
  const s = new Uint8Array(src.px.buffer),
    d = new Uint8Array(out.px.buffer);
  const fx = src.width / w,
    fy = src.height / h;
  for (let y = 0; y < h; y++) {
    const sy = Math.max(0, (y + 0.5) * fy - 0.5),
      y0 = Math.floor(sy),
      y1 = Math.min(src.height - 1, y0 + 1);
    const wy = sy - y0;
    for (let x = 0; x < w; x++) {
      const sx = Math.max(0, (x + 0.5) * fx - 0.5),
        x0 = Math.floor(sx),
        x1 = Math.min(src.width - 1, x0 + 1);
      const wx = sx - x0;
      const a = (y0 * src.width + x0) * 4,
        b = (y0 * src.width + x1) * 4;
      const c2 = (y1 * src.width + x0) * 4,
        e = (y1 * src.width + x1) * 4,
        o = (y * w + x) * 4;
      for (let k = 0; k < 4; k++) {
        const top = s[a + k]! + (s[b + k]! - s[a + k]!) * wx;
        const bottom = s[c2 + k]! + (s[e + k]! - s[c2 + k]!) * wx;
        d[o + k] = Math.round(top + (bottom - top) * wy);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The corpus.

interface Recipe {
  name: string;
  category: CorpusCategory;
  width: number;
  height: number;
  scale?: number;
  jpegQuality?: number;
  /** Display rectangles in logical pixels; default one display covering the frame. */
  displays?: { x: number; y: number; w: number; h: number; dark?: boolean }[];
  dark?: boolean;
  /** Codes per display. */
  codes: { module: number; inverted: boolean }[][];
}

const ms = (list: number[], inverted = false) => list.map((module) => ({ module, inverted }));
const MULTI = [
  { x: 0, y: 0, w: 1920, h: 1080 },
  { x: 1920, y: 0, w: 2560, h: 1440 },
  { x: 4480, y: 0, w: 1280, h: 1024 },
];

function recipes(): Recipe[] {
  const k4 = { width: 3840, height: 2160 };
  return [
    { name: '4k-a', category: '4k-m2to8', ...k4, codes: [ms([2, 5])] },
    { name: '4k-b', category: '4k-m2to8', ...k4, codes: [ms([3, 8, 4])] },
    { name: '4k-c', category: '4k-m2to8', ...k4, codes: [ms([2, 2, 3, 6])] },
    { name: '4k-d', category: '4k-m2to8', ...k4, codes: [ms([7, 3])] },
    { name: '4k-e', category: '4k-m2to8', ...k4, codes: [ms([4, 2, 5, 3, 2, 6])] },
    { name: '4k-f', category: '4k-m2to8', ...k4, codes: [ms([6, 2, 4])] },
    { name: '4k-1px-a', category: '4k-m1', ...k4, codes: [ms([1, 1])] },
    { name: '4k-1px-b', category: '4k-m1', ...k4, codes: [ms([1, 1, 1])] },
    { name: '125-a', category: '4k-125pct', ...k4, scale: 1.25, codes: [ms([2, 3])] },
    { name: '125-b', category: '4k-125pct', ...k4, scale: 1.25, codes: [ms([1, 4, 2])] },
    { name: '125-c', category: '4k-125pct', ...k4, scale: 1.25, codes: [ms([5, 2])] },
    { name: '125-d', category: '4k-125pct', ...k4, scale: 1.25, codes: [ms([1, 3])] },
    { name: '150-a', category: '4k-150pct', ...k4, scale: 1.5, codes: [ms([2, 3])] },
    { name: '150-b', category: '4k-150pct', ...k4, scale: 1.5, codes: [ms([1, 4, 2])] },
    { name: '150-c', category: '4k-150pct', ...k4, scale: 1.5, codes: [ms([1, 2])] },
    { name: 'dark-a', category: '4k-dark', ...k4, dark: true, codes: [ms([2, 4], true)] },
    { name: 'dark-b', category: '4k-dark', ...k4, dark: true, codes: [ms([3, 6, 2], true)] },
    {
      name: 'dark-c',
      category: '4k-dark',
      ...k4,
      dark: true,
      codes: [[...ms([5], true), ...ms([3]), ...ms([2], true)]],
    },
    { name: 'dark-d', category: '4k-dark', ...k4, dark: true, codes: [ms([8, 2], true)] },
    ...[0, 1, 2, 3].map<Recipe>((i) => ({
      name: `multi-${i}`,
      category: 'multi-display',
      width: 5760,
      height: 1440,
      displays: MULTI.map((d, j) => ({ ...d, dark: j === i % 3 })),
      codes: [ms([2 + i]), ms([3, 2 + (i % 2)]), ms([4 - (i % 2)])].map((list, j) =>
        list.map((s) => ({ ...s, inverted: j === i % 3 })),
      ),
    })),
    {
      name: 'jpeg-q60',
      category: 'jpeg',
      width: 1920,
      height: 1080,
      jpegQuality: 60,
      codes: [ms([3, 4])],
    },
    {
      name: 'jpeg-q70',
      category: 'jpeg',
      width: 2560,
      height: 1440,
      jpegQuality: 70,
      codes: [ms([2, 5])],
    },
    {
      name: 'jpeg-q80',
      category: 'jpeg',
      width: 2560,
      height: 1440,
      jpegQuality: 80,
      codes: [ms([2, 3, 6])],
    },
    {
      name: 'jpeg-q90',
      category: 'jpeg',
      width: 1920,
      height: 1080,
      jpegQuality: 90,
      codes: [ms([2, 3])],
    },
    {
      name: 'jpeg-q75-dark',
      category: 'jpeg',
      width: 1920,
      height: 1080,
      jpegQuality: 75,
      dark: true,
      codes: [ms([3, 4], true)],
    },
    { name: 'none-4k', category: 'no-code', ...k4, codes: [[]] },
    { name: 'none-4k-dark', category: 'no-code', ...k4, dark: true, codes: [[]] },
    {
      name: 'none-multi',
      category: 'no-code',
      width: 5760,
      height: 1440,
      displays: MULTI.map((d, j) => ({ ...d, dark: j === 1 })),
      codes: [[], [], []],
    },
    {
      name: 'none-jpeg',
      category: 'no-code',
      width: 1920,
      height: 1080,
      jpegQuality: 70,
      codes: [[]],
    },
  ];
}

function render(recipe: Recipe, seed: number): { canvas: Canvas; codes: CorpusCode[] } {
  const r = rng(seed);
  const scale = recipe.scale ?? 1;
  const lw = Math.round(recipe.width / scale),
    lh = Math.round(recipe.height / scale);
  const canvas = new Canvas(lw, lh); // black between displays of different heights
  const light = lightTheme(r),
    dark = darkTheme(r);
  const displays = recipe.displays ?? [{ x: 0, y: 0, w: lw, h: lh, dark: recipe.dark }];
  const placed: Placed[] = [];
  displays.forEach((d, i) => {
    paintUi(canvas, r, d.x, d.y, d.w, d.h, d.dark ? dark : light);
    placed.push(...placeCodes(canvas, r, d, recipe.codes[i] ?? [], light, dark));
  });
  const out = scale === 1 ? canvas : resizeBilinear(canvas, recipe.width, recipe.height);
  const codes = placed.map((p) => ({
    text: p.text,
    module: p.module * scale,
    inverted: p.inverted,
    bounds: { x: p.x * scale, y: p.y * scale, width: p.size * scale, height: p.size * scale },
  }));
  return { canvas: out, codes: readingOrder(codes) };
}

/** Rows: codes whose vertical extents overlap share a row; rows top to bottom, then x. */
function readingOrder(codes: CorpusCode[]): CorpusCode[] {
  const sorted = [...codes].sort((a, b) => a.bounds.y - b.bounds.y);
  const rows: CorpusCode[][] = [];
  for (const code of sorted) {
    const row = rows.find((rw) =>
      rw.some(
        (o) =>
          code.bounds.y < o.bounds.y + o.bounds.height &&
          o.bounds.y < code.bounds.y + code.bounds.height,
      ),
    );
    if (row) row.push(code);
    else rows.push([code]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.bounds.x - b.bounds.x));
}

function sourceVersion(): string {
  const self = readFileSync(fileURLToPath(import.meta.url));
  return createHash('sha256').update(self).update('qrcode@1.5.4').digest('hex').slice(0, 16);
}

function writeAtomic(path: string, bytes: Uint8Array | string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

/** Builds the corpus if missing or outdated; returns its manifest (absolute dir + entries). */
export async function ensureQrCorpus(): Promise<{ dir: string; images: readonly CorpusImage[] }> {
  const manifestPath = join(CORPUS_DIR, 'manifest.json');
  const version = sourceVersion();
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (
      manifest.version === version &&
      manifest.images.every((i) => existsSync(join(CORPUS_DIR, i.file)))
    ) {
      return { dir: CORPUS_DIR, images: manifest.images };
    }
  }
  mkdirSync(CORPUS_DIR, { recursive: true });
  const images: CorpusImage[] = [];
  recipes().forEach((recipe, index) => {
    const { canvas, codes } = render(recipe, 0x5eed + index * 7919);
    const base = {
      category: recipe.category,
      width: recipe.width,
      height: recipe.height,
      scale: recipe.scale ?? 1,
      codes,
    };
    if (recipe.jpegQuality !== undefined) {
      const file = `${recipe.name}.jpg`;
      const encoded = jpeg.encode(
        { data: canvas.rgba(), width: canvas.width, height: canvas.height },
        recipe.jpegQuality,
      );
      writeAtomic(join(CORPUS_DIR, file), encoded.data);
      images.push({ file, ...base, jpegQuality: recipe.jpegQuality });
    } else {
      const file = `${recipe.name}.png`;
      const png = new PNG({ width: canvas.width, height: canvas.height });
      png.data = Buffer.from(canvas.px.buffer);
      writeAtomic(join(CORPUS_DIR, file), PNG.sync.write(png, { deflateLevel: 1, filterType: 1 }));
      images.push({ file, ...base });
    }
  });
  writeAtomic(manifestPath, JSON.stringify({ version, images } satisfies Manifest, null, 1));
  return { dir: CORPUS_DIR, images };
}

/** Decodes one corpus image (PNG or JPEG) with the CLI's own file decoder. */
export function loadCorpusImage(image: CorpusImage): Promise<RgbaImage> {
  return readImageFile(join(CORPUS_DIR, image.file));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const start = performance.now();
  const { dir, images } = await ensureQrCorpus();
  const codes = images.reduce((n, i) => n + i.codes.length, 0);
  console.log(
    `${images.length} images, ${codes} codes in ${dir} (${Math.round(performance.now() - start)} ms)`,
  );
}
