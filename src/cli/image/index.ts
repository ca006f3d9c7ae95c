import { readFile } from 'node:fs/promises';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { LatchkeyError } from '../../shared/errors/index';
import { decodeBmp } from './bmp';
import { detectImageFormat, type ImageFormat } from './format';
import type { RgbaImage } from './types';

export type { RgbaImage } from './types';
export { detectImageFormat, type ImageFormat } from './format';

/** Formats `decodeImage` reads; GIF, WebP and TIFF are recognised but refused. */
export const READABLE_FORMATS: readonly ImageFormat[] = ['png', 'jpeg', 'bmp'];

const MAX_MEGAPIXELS = 120;

/**
 * Decodes PNG, JPEG or BMP bytes to RGBA, choosing the decoder by magic bytes.
 * @throws LatchkeyError `qr.image-unsupported` (recognised but unreadable format),
 *   `qr.image-unreadable` (not a picture, or damaged), `qr.image-too-large`.
 */
export function decodeImage(bytes: Uint8Array): RgbaImage {
  const format = detectImageFormat(bytes);
  if (format === 'unknown') throw new LatchkeyError('qr.image-unreadable');
  if (!READABLE_FORMATS.includes(format)) {
    throw new LatchkeyError('qr.image-unsupported', {
      message: `${format.toUpperCase()} pictures are not supported here; use PNG, JPEG or BMP.`,
      details: { format },
    });
  }
  let image: RgbaImage | null;
  try {
    image = decodeKnown(format, bytes);
  } catch (error) {
    if (error instanceof LatchkeyError) throw error;
    const tooLarge =
      error instanceof Error && /maxResolutionInMP|maxMemoryUsage/.test(error.message);
    throw new LatchkeyError(tooLarge ? 'qr.image-too-large' : 'qr.image-unreadable', {
      details: { format },
    });
  }
  if (!image || image.width <= 0 || image.height <= 0) {
    throw new LatchkeyError('qr.image-unreadable', { details: { format } });
  }
  if (image.width * image.height > MAX_MEGAPIXELS * 1e6)
    throw new LatchkeyError('qr.image-too-large');
  return image;
}

/** Reads and decodes one picture file (see `decodeImage`). */
export async function readImageFile(path: string): Promise<RgbaImage> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new LatchkeyError('qr.image-unreadable', { message: `Cannot open ${path}.` });
  }
  return decodeImage(bytes);
}

function decodeKnown(format: ImageFormat, bytes: Uint8Array): RgbaImage | null {
  switch (format) {
    case 'png': {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { data: png.data, width: png.width, height: png.height };
    }
    case 'jpeg':
      return jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: MAX_MEGAPIXELS,
        maxMemoryUsageInMB: 2048,
      });
    case 'bmp':
      return decodeBmp(bytes);
    default:
      return null;
  }
}
