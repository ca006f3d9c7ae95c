import { decompressFrame, parseGIF } from 'gifuct-js';
import { checkPixelCount } from '../../common/image/index';
import type { RgbaImage } from './types';

/**
 * gifuct-js decodes a frame's indexes into a plain Array (8 bytes a pixel) and then an RGBA
 * patch, ~12 bytes a pixel before our canvas: a quarter of the general cap keeps a hostile
 * frame near 200 MB. Real GIF screenshots are far smaller.
 */
const MAX_GIF_FRAME_PIXELS = 12_500_000;

/**
 * GIF, first frame only (as browsers show a still), with gifuct-js. Its LZW decoder stops at
 * the first code beyond its table, so damaged data cannot loop; omggif, tried first, looped
 * forever on a fuzzed file. The logical screen was checked against the pixel cap from the
 * header; each frame declares its own size, which is checked before it is decompressed.
 * Transparent pixels stay alpha 0 (the QR reader composites over white).
 */
export function decodeGif(bytes: Uint8Array): RgbaImage | null {
  const gif = parseGIF(new Uint8Array(bytes).buffer);
  const frame = gif.frames.find((f) => 'image' in f);
  if (!frame || !('image' in frame)) return null;
  const canvas = { width: gif.lsd.width, height: gif.lsd.height };
  const { descriptor } = frame.image;
  const { width, left, top } = descriptor;
  // Rows below the canvas are never shown; a plain (non-interlaced) frame stores rows in order,
  // so only the visible ones are decompressed. A fuzzed 160×160 file declared a 53,920-row frame.
  const height = descriptor.lct.interlaced
    ? descriptor.height
    : Math.max(0, Math.min(descriptor.height, canvas.height - top));
  // GIF89a §20: an image is confined to the logical screen. Rows stay whole in the LZW stream
  // (and interlaced rows out of order), so a frame wider, or interlaced and taller, than the
  // screen would cost pixels never shown: refused. Decoding then costs at most the screen.
  if (left + width > canvas.width || top + height > canvas.height) return null;
  checkPixelCount(width, height, MAX_GIF_FRAME_PIXELS);
  // GIF89a §22: the LZW minimum code size is 2–8. gifuct-js does not check it and builds a
  // table of 2^size entries: a fuzzed size of 122 cost 14 s and 2.4 GB.
  const { minCodeSize } = frame.image.data;
  if (!(minCodeSize >= 1 && minCodeSize <= 8)) return null;
  const visible = { ...frame, image: { ...frame.image, descriptor: { ...descriptor, height } } };
  const { patch } = decompressFrame(visible, gif.gct, true);
  const data = new Uint8Array(canvas.width * canvas.height * 4);
  for (let y = 0; y < height && top + y < canvas.height; y++) {
    const rowWidth = Math.max(0, Math.min(width, canvas.width - left));
    const from = y * width * 4;
    data.set(patch.subarray(from, from + rowWidth * 4), ((top + y) * canvas.width + left) * 4);
  }
  return { data, width: canvas.width, height: canvas.height };
}
