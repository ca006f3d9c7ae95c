import { readFile } from 'node:fs/promises';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { LatchkeyError } from '../../../shared/errors/index';
import {
  checkPictureHeader,
  MAX_IMAGE_PIXELS,
  type AcceptedImageFormat,
} from '../../common/image/index';
import { decodeBmp } from './bmp';
import { decodeGif } from './gif';
import type { RgbaImage } from './types';
import { decodeWebp } from './webp';

export type { RgbaImage } from './types';
export {
  ACCEPTED_IMAGE_FORMATS,
  detectImageFormat,
  MAX_IMAGE_PIXELS,
  type ImageFormat,
} from '../../common/image/index';

/**
 * Decodes PNG, JPEG, BMP, WebP or GIF (first frame) bytes to RGBA — the formats the app's page
 * reads too — choosing the decoder by magic bytes. The declared size is checked against
 * MAX_IMAGE_PIXELS from the header before any decoder allocates.
 * @throws LatchkeyError `qr.image-unsupported` (recognised but unread format, e.g. TIFF),
 *   `qr.image-unreadable` (not a picture, or damaged), `qr.image-too-large` (names the limit).
 */
export async function decodeImage(bytes: Uint8Array): Promise<RgbaImage> {
  const { format, width, height } = checkPictureHeader(bytes);
  let image: RgbaImage | null;
  try {
    image = await decodeKnown(format, bytes);
  } catch (error) {
    if (error instanceof LatchkeyError) throw error;
    throw new LatchkeyError('qr.image-unreadable', { details: { format } });
  }
  // A decoder must give back what the header promised; anything else is a damaged file.
  if (!image || image.width !== width || image.height !== height) {
    throw new LatchkeyError('qr.image-unreadable', { details: { format } });
  }
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

async function decodeKnown(
  format: AcceptedImageFormat,
  bytes: Uint8Array,
): Promise<RgbaImage | null> {
  switch (format) {
    case 'png': {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { data: png.data, width: png.width, height: png.height };
    }
    case 'jpeg':
      return jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6,
        maxMemoryUsageInMB: 512,
      });
    case 'bmp':
      return decodeBmp(bytes);
    case 'gif':
      return decodeGif(bytes);
    case 'webp':
      return decodeWebp(bytes);
  }
}
