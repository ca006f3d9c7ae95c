import type { RgbaImage } from './types';

/**
 * Windows bitmaps: BITMAPINFOHEADER and its V4/V5 successors, 1/4/8-bit palettes and
 * 24/32-bit pixels (BI_RGB or BI_BITFIELDS), bottom-up or top-down rows. RLE is not handled.
 * A 32-bit BI_RGB bitmap nominally ignores its fourth byte, but browsers copying to the Windows
 * clipboard store real alpha there, so alpha is honoured unless every alpha byte is zero.
 * Returns null for anything we cannot read.
 */
export function decodeBmp(bytes: Uint8Array): RgbaImage | null {
  if (bytes.length < 54) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pixelOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  if (headerSize < 40) return null;
  const width = view.getInt32(18, true);
  const rawHeight = view.getInt32(22, true);
  const bpp = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  const height = Math.abs(rawHeight);
  const topDown = rawHeight < 0;
  if (width <= 0 || height === 0) return null;
  const bitfields = compression === 3 || compression === 6;
  if (compression !== 0 && !bitfields) return null;
  if (![1, 4, 8, 24, 32].includes(bpp) || (bitfields && bpp !== 32)) return null;

  let masks = [0xff0000, 0xff00, 0xff, 0xff000000];
  if (bitfields) {
    // The masks follow a 40-byte header, or sit at the same offset inside a V4/V5 header.
    masks = [54, 58, 62, 66].map((at) => (at + 4 <= bytes.length ? view.getUint32(at, true) : 0));
    if (compression === 3 && headerSize === 40) masks[3] = 0;
  }
  const paletteAt = 14 + headerSize;
  const colours = view.getUint32(46, true) || (bpp <= 8 ? 1 << bpp : 0);
  const stride = Math.ceil((width * bpp) / 32) * 4;
  if (pixelOffset + stride * (height - 1) + Math.ceil((width * bpp) / 8) > bytes.length)
    return null;
  if (bpp <= 8 && paletteAt + colours * 4 > bytes.length) return null;

  const data = new Uint8ClampedArray(width * height * 4);
  let anyAlpha = false;
  const channel = (pixel: number, mask: number): number => {
    if (mask === 0) return 255;
    const shift = 31 - Math.clz32(mask & -mask);
    const max = mask >>> shift;
    return Math.round((((pixel & mask) >>> shift) * 255) / max);
  };
  for (let y = 0; y < height; y++) {
    const row = pixelOffset + (topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      if (bpp <= 8) {
        const bit = x * bpp;
        const index = (bytes[row + (bit >> 3)]! >> (8 - bpp - (bit & 7))) & ((1 << bpp) - 1);
        const p = paletteAt + Math.min(index, colours - 1) * 4;
        data[o] = bytes[p + 2]!;
        data[o + 1] = bytes[p + 1]!;
        data[o + 2] = bytes[p]!;
        data[o + 3] = 255;
      } else if (bpp === 24) {
        const p = row + x * 3;
        data[o] = bytes[p + 2]!;
        data[o + 1] = bytes[p + 1]!;
        data[o + 2] = bytes[p]!;
        data[o + 3] = 255;
      } else {
        const pixel = view.getUint32(row + x * 4, true);
        data[o] = channel(pixel, masks[0]!);
        data[o + 1] = channel(pixel, masks[1]!);
        data[o + 2] = channel(pixel, masks[2]!);
        const alpha = masks[3] === 0 ? 0 : channel(pixel, masks[3]!);
        data[o + 3] = alpha;
        if (alpha !== 0) anyAlpha = true;
      }
    }
  }
  if (bpp === 32 && !anyAlpha) for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { data, width, height };
}
