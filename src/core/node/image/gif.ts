import { parseGIF } from 'gifuct-js';
import { checkPixelCount } from '../../common/image/index';
import { decodeGifLzw } from './gif-lzw';
import type { RgbaImage } from './types';

type Rgb = readonly [number, number, number];

/** GIF89a Appendix E: interlaced rows arrive in four passes (every 8th from 0, 8th from 4, …). */
function interlacedRowOrder(height: number): number[] {
  const rows: number[] = [];
  for (const [start, step] of [
    [0, 8],
    [4, 8],
    [2, 4],
    [1, 2],
  ] as const)
    for (let row = start; row < height; row += step) rows.push(row);
  return rows;
}

/**
 * GIF, first frame only (as browsers show a still). gifuct-js reads the block structure; the
 * LZW data is decoded by our bounded decoder (see gif-lzw.ts for why). The logical screen was
 * checked against the pixel cap from the header; the frame must lie within it (GIF89a §20), so
 * decoding never costs more than the screen. Transparent pixels stay alpha 0 (the QR reader
 * composites over white).
 */
export function decodeGif(bytes: Uint8Array): RgbaImage | null {
  const gif = parseGIF(new Uint8Array(bytes).buffer);
  const frame = gif.frames.find((f) => 'image' in f);
  if (!frame || !('image' in frame)) return null;
  const canvas = { width: gif.lsd.width, height: gif.lsd.height };
  const { descriptor, data } = frame.image;
  const { width, height, left, top } = descriptor;
  if (left + width > canvas.width || top + height > canvas.height) return null;
  checkPixelCount(width, height);
  // GIF89a §22: the LZW minimum code size is 2–8 (1 is seen from some encoders).
  if (!(data.minCodeSize >= 1 && data.minCodeSize <= 8)) return null;
  const local = (frame.image as { lct?: Rgb[] }).lct;
  const palette: readonly Rgb[] = descriptor.lct.exists && local ? local : gif.gct;
  if (palette.length === 0) return null;
  const transparent =
    'gce' in frame && frame.gce.extras.transparentColorGiven ? frame.gce.transparentColorIndex : -1;
  const indexes = decodeGifLzw(
    data.minCodeSize,
    data.blocks as unknown as Uint8Array,
    width * height,
  );
  const rows = descriptor.lct.interlaced ? interlacedRowOrder(height) : null;
  const out = new Uint8Array(canvas.width * canvas.height * 4);
  for (let stored = 0; stored < height; stored++) {
    const y = top + (rows ? rows[stored]! : stored);
    for (let x = 0; x < width; x++) {
      const index = indexes[stored * width + x]!;
      if (index === transparent) continue;
      const colour = palette[Math.min(index, palette.length - 1)]!;
      const o = (y * canvas.width + left + x) * 4;
      out[o] = colour[0];
      out[o + 1] = colour[1];
      out[o + 2] = colour[2];
      out[o + 3] = 255;
    }
  }
  return { data: out, width: canvas.width, height: canvas.height };
}
