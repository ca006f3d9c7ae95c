import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { ICON_LIMITS } from '../../../shared/account';
import { LatchkeyError } from '../../../shared/errors';

/** Pictures larger than this are refused before decoding (a hostile file cannot eat memory). */
export const MAX_PICTURE_BYTES = 5_000_000;
/** Width × height limit for decoding, checked from the header before pixels are allocated. */
const MAX_PICTURE_PIXELS = 25_000_000;

interface Rgba {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

const isPng = (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8;

function decode(bytes: Uint8Array): Rgba {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isPng(bytes)) {
    // IHDR's width and height (big-endian at 16 and 20) before pngjs allocates the pixels.
    if (
      buffer.length < 24 ||
      buffer.readUInt32BE(16) * buffer.readUInt32BE(20) > MAX_PICTURE_PIXELS
    ) {
      throw new LatchkeyError('accounts.picture-invalid');
    }
    const png = PNG.sync.read(buffer);
    return { width: png.width, height: png.height, data: png.data };
  }
  if (isJpeg(bytes)) {
    return jpeg.decode(buffer, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: MAX_PICTURE_PIXELS / 1_000_000,
      maxMemoryUsageInMB: 256,
    });
  }
  throw new LatchkeyError('accounts.picture-invalid');
}

/** Box-filter downscale: each output pixel averages the source pixels it covers. */
function shrink(source: Rgba, side: number): Rgba {
  const scale = Math.max(source.width, source.height) / side;
  if (scale <= 1) return source;
  const width = Math.max(1, Math.round(source.width / scale));
  const height = Math.max(1, Math.round(source.height / scale));
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * scale);
    const y1 = Math.min(source.height, Math.max(y0 + 1, Math.floor((y + 1) * scale)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * scale);
      const x1 = Math.min(source.width, Math.max(x0 + 1, Math.floor((x + 1) * scale)));
      const sum = [0, 0, 0, 0];
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const at = (sy * source.width + sx) * 4;
          for (let c = 0; c < 4; c++) sum[c]! += source.data[at + c]!;
        }
      }
      const count = (y1 - y0) * (x1 - x0);
      const out = (y * width + x) * 4;
      for (let c = 0; c < 4; c++) data[out + c] = Math.round(sum[c]! / count);
    }
  }
  return { width, height, data };
}

/**
 * A picture file (PNG or JPEG) as a small PNG, base64: decoded here in main, never in the
 * page, and re-encoded at most ICON_LIMITS.pictureSide pixels a side so the vault stays small.
 */
export function pictureToIconPng(bytes: Uint8Array): string {
  if (bytes.byteLength === 0 || bytes.byteLength > MAX_PICTURE_BYTES) {
    throw new LatchkeyError('accounts.picture-invalid');
  }
  let image: Rgba;
  try {
    image = decode(bytes);
  } catch (error) {
    if (error instanceof LatchkeyError) throw error;
    throw new LatchkeyError('accounts.picture-invalid');
  }
  if (image.width * image.height > MAX_PICTURE_PIXELS || image.width === 0) {
    throw new LatchkeyError('accounts.picture-invalid');
  }
  const small = shrink(image, ICON_LIMITS.pictureSide);
  const png = new PNG({ width: small.width, height: small.height });
  png.data = Buffer.from(small.data);
  return PNG.sync.write(png).toString('base64');
}

/** The pixels of a stored icon PNG, for an exporter that must write another format. */
export function iconPngBytes(base64: string): Buffer {
  return Buffer.from(base64, 'base64');
}
