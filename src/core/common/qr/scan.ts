import { LatchkeyError } from '../../../shared/errors/index';
import { decodeRgba, type Inversion } from './decode';
import { findFinders, type FinderScanOptions } from './finders';
import { LumaPlane } from './luma';
import { contains, sameSpot, sortReadingOrder } from './order';
import { regionsFromFinders, type Region } from './regions';
import { regridCandidates, type RegridImage } from './regrid';
import { alignToModules, BoxLevel, cropToRgba, moduleAligned, type CropPlan } from './resample';
import type { QrBounds, QrHit, QrImage, QrRejection, QrScanOptions, QrScanResult } from './types';

export const DEFAULT_MAX_TEXT_LENGTH = 4096;
const MAX_PIXELS = 120e6;
/** Cap on jsQR calls per frame, so a frame full of look-alikes cannot stall the scan. */
const MAX_DECODE_ATTEMPTS = 64;
/** Below this many pixels the box-averaged pyramid level is cheap enough to add (photos). */
const SMALL_FRAME = 2.5e6;
/** Below this many pixels (a 720p webcam frame) a whole-frame jsQR pass is the last resort. */
const TINY_FRAME = 1e6;
/** Every second row: a 1-px-module finder's 3-module core still spans one scanned row. */
const ROW_STEP = 2;
/** The box level's factor (BoxLevel reads rows 1 and 3 of each box: ROW_STEP's rows). */
const BOX = BoxLevel.FACTOR;

interface Attempt extends CropPlan {
  readonly inversion: Inversion;
}

/**
 * Finds every QR code in a frame (docs/architecture.md, "The QR pipeline"). Grayscale once; finder patterns on a row scan
 * of the full frame and of an integer-downscaled copy (big modules); finder triples become
 * crops, rescaled by integer factors so modules stay whole pixels, and jsQR decodes each crop.
 * Light-on-dark codes are inverted before decoding. Texts longer than `maxTextLength` are
 * reported as rejections, never returned.
 * @throws LatchkeyError `qr.image-invalid` when the buffer does not match the size,
 *   `qr.image-too-large` above 120 megapixels.
 */
export function scanQrCodesDetailed(image: QrImage, options: QrScanOptions = {}): QrScanResult {
  const { width, height } = image;
  const bytesPerPixel = image.format === 'luma' ? 1 : 4;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new LatchkeyError('qr.image-invalid');
  }
  if (width * height > MAX_PIXELS) throw new LatchkeyError('qr.image-too-large');
  if (image.data.length < width * height * bytesPerPixel)
    throw new LatchkeyError('qr.image-invalid');

  const maxText = options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH;
  const maxCodes = options.maxCodes ?? 64;
  const plane = new LumaPlane(image);
  const hits: QrHit[] = [];
  const rejected: QrRejection[] = [];
  let attemptsLeft = MAX_DECODE_ATTEMPTS;

  const record = (text: string, corners: NonNullable<QrHit['corners']>): void => {
    const xs = [corners.topLeft.x, corners.topRight.x, corners.bottomRight.x, corners.bottomLeft.x];
    const ys = [corners.topLeft.y, corners.topRight.y, corners.bottomRight.y, corners.bottomLeft.y];
    const x = Math.min(...xs),
      y = Math.min(...ys);
    const bounds: QrBounds = { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
    if (text.length > maxText) {
      if (!rejected.some((r) => sameSpot(r.bounds, bounds))) {
        rejected.push({ code: 'qr.text-too-long', bounds, length: text.length });
      }
    } else if (!hits.some((h) => h.text === text && sameSpot(h.bounds, bounds))) {
      hits.push({ text, bounds, corners });
    }
  };
  const alreadyRead = (r: Region): boolean => {
    const cx = r.x + r.width / 2,
      cy = r.y + r.height / 2;
    return [...hits, ...rejected].some((h) => contains(h.bounds, cx, cy));
  };

  const decodeRegion = (region: Region): boolean => {
    const grids =
      region.module < 2.6 && region.finders !== undefined
        ? regridCandidates(plane, region.finders, region.module, region.inverted)
        : null;
    // A pitch of about 1.25 px (1-px modules at 125 % scaling) defeats whole-pixel crops: the
    // fitted grid, the first regrid candidate, goes first there. At 1.5 px the crops still
    // read most codes and cost less.
    const fractional =
      region.module < 1.4 && Math.abs(region.module - Math.round(region.module)) > 0.15;
    if (grids && fractional && decodeRegridded(region, grids, 1)) return true;
    for (const attempt of attemptsFor(region.module, moduleAligned(region))) {
      if (attemptsLeft-- <= 0) return false;
      const area = alignToModules(region, attempt.down, width, height);
      const crop = cropToRgba(plane, area, attempt, region.inverted);
      const code = decodeRgba(crop.data, crop.width, crop.height, attempt.inversion);
      if (!code) continue;
      const f = attempt.down / attempt.up;
      const map = (p: { x: number; y: number }) => ({
        x: area.x + p.x * f,
        y: area.y + p.y * f,
      });
      const l = code.location;
      record(code.data, {
        topLeft: map(l.topLeftCorner),
        topRight: map(l.topRightCorner),
        bottomRight: map(l.bottomRightCorner),
        bottomLeft: map(l.bottomLeftCorner),
      });
      return true;
    }
    return grids !== null && decodeRegridded(region, grids, Infinity);
  };
  const decodeRegridded = (region: Region, grids: Iterator<RegridImage>, max: number): boolean => {
    for (let tried = 0; tried < max; tried++) {
      const next = grids.next();
      if (next.done) return false;
      const grid = next.value;
      if (attemptsLeft-- <= 0) return false;
      const code = decodeRgba(grid.data, grid.width, grid.height, 'dontInvert');
      if (!code) continue;
      // The redrawn symbol has 3-px modules behind a 4-module quiet zone: map its corners
      // back through the finder geometry.
      const { topLeft: a, topRight: b, bottomLeft: c } = region.finders!;
      const n = grid.size;
      const at = (col: number, row: number) => ({
        x: a.x + ((col - 3.5) * (b.x - a.x) + (row - 3.5) * (c.x - a.x)) / (n - 7) + 0.5,
        y: a.y + ((col - 3.5) * (b.y - a.y) + (row - 3.5) * (c.y - a.y)) / (n - 7) + 0.5,
      });
      record(code.data, {
        topLeft: at(0, 0),
        topRight: at(n, 0),
        bottomRight: at(n, n),
        bottomLeft: at(0, n),
      });
      return true;
    }
    return false;
  };

  // The scan's hysteresis copes with any module size on crisp screenshots; blurry photos with
  // big modules need the box-averaged level too, which only small frames can afford.
  // The box level is built from the rows the full-resolution scan reads.
  const box = width * height <= SMALL_FRAME ? new BoxLevel(width, height) : null;
  const scanLevel = (small: LumaPlane, level: number, options: FinderScanOptions): void => {
    if (small.width < 21 || small.height < 21) return;
    // The box level looks only for modules of 5 px or more: level 1 covered smaller ones.
    const minModule = level === 1 ? 0 : 5 / level;
    for (const r of regionsFromFinders(small, findFinders(small, options), minModule)) {
      if (hits.length >= maxCodes || attemptsLeft <= 0) break;
      const region: Region = level === 1 ? r : scaleRegion(r, level, width, height);
      if (!alreadyRead(region)) decodeRegion(region);
    }
  };
  scanLevel(plane, 1, {
    rowStep: ROW_STEP,
    margin: 12,
    ...(box ? { onRow: (y, quads, runs) => box.addRow(y, quads, runs) } : {}),
  });
  if (box) scanLevel(new LumaPlane(box.image()), BOX, { rowStep: 1, margin: 12 });

  if (
    options.wholeFrameFallback === true &&
    hits.length === 0 &&
    rejected.length === 0 &&
    width * height <= TINY_FRAME
  ) {
    // Photos and odd crops (no quiet zone, perspective) may defeat the finder scan.
    const whole = { x: 0, y: 0, width, height, module: 3, inverted: false, score: 0 };
    const full = cropToRgba(plane, whole, PLAIN, false);
    const code = decodeRgba(full.data, width, height, 'attemptBoth');
    if (code) {
      const l = code.location;
      record(code.data, {
        topLeft: l.topLeftCorner,
        topRight: l.topRightCorner,
        bottomRight: l.bottomRightCorner,
        bottomLeft: l.bottomLeftCorner,
      });
    }
  }

  return { hits: sortReadingOrder(hits), rejected: sortReadingOrder(rejected) };
}

/** Every accepted code in reading order (see `scanQrCodesDetailed`). */
export function scanQrCodes(image: QrImage, options?: QrScanOptions): QrHit[] {
  return [...scanQrCodesDetailed(image, options).hits];
}

const PLAIN: CropPlan = { down: 1, up: 1, smooth: false, binarize: false };

/**
 * Resampling plans for a crop, best first: bring modules to about 2–3.8 px by an integer factor
 * (jsQR's time grows with the crop's area, so the smallest reliable size wins)
 * (averaging big modules down, repeating tiny ones up); then the native crop or a 2× one; then
 * a smooth enlargement thresholded as a whole, which rescues blurry rescaled screenshots that
 * jsQR's local binarizer breaks up; last, jsQR's own inversion handling. Crisp 3-px modules
 * (`aligned`: upright, whole-pixel, see moduleAligned) are first tried at 2 px.
 */
function attemptsFor(module: number, aligned: boolean): Attempt[] {
  const down = module >= 3.8 ? Math.floor(module / 1.9) : 1;
  const up = module < 1.6 ? 3 : module < 1.9 ? 2 : 1;
  const primary: Attempt = { down, up, smooth: false, binarize: false, inversion: 'dontInvert' };
  const plans: Attempt[] = [];
  if (aligned && Math.round(module) === 3) plans.push({ ...primary, down: 1.5 });
  plans.push(primary);
  if (down > 1 || up > 1) plans.push({ ...PLAIN, inversion: 'dontInvert' });
  else plans.push({ ...PLAIN, up: 2, inversion: 'dontInvert' });
  if (module < 4) {
    plans.push({
      down: 1,
      up: module < 1.6 ? 3 : 2,
      smooth: true,
      binarize: true,
      inversion: 'dontInvert',
    });
  }
  plans.push({ ...primary, inversion: 'attemptBoth' });
  return plans;
}

function scaleRegion(r: Region, level: number, width: number, height: number): Region {
  const x = r.x * level,
    y = r.y * level;
  return {
    x,
    y,
    width: Math.min(width - x, r.width * level),
    height: Math.min(height - y, r.height * level),
    module: r.module * level,
    inverted: r.inverted,
    score: r.score,
  };
}
