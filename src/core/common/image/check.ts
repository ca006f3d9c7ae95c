import { LatchkeyError } from '../../../shared/errors/index';
import { detectImageFormat, isAcceptedFormat, readImageHeader, type ImageHeader } from './header';

/**
 * The largest picture read for QR codes: 50 megapixels is a 3×3 grid of 4K screens or any phone
 * photo, and at 4 bytes a pixel already 200 MB of RGBA. A crafted 875 KB PNG once declared
 * enough pixels to make the CLI allocate 5.3 GB (issue 10, finding 8).
 */
export const MAX_IMAGE_PIXELS = 50_000_000;

const FORMAT_LIST = 'PNG, JPEG, WebP, BMP or GIF';

/**
 * Checks a picture's header before any decoder runs.
 * @throws LatchkeyError `qr.image-unsupported` (a picture format we do not read),
 *   `qr.image-unreadable` (not a picture, or its header is damaged), `qr.image-too-large`
 *   (more than MAX_IMAGE_PIXELS; the message names the limit).
 */
export function checkPictureHeader(bytes: Uint8Array): ImageHeader {
  const format = detectImageFormat(bytes);
  if (format === 'unknown') throw new LatchkeyError('qr.image-unreadable');
  if (!isAcceptedFormat(format)) {
    throw new LatchkeyError('qr.image-unsupported', {
      message: `${format.toUpperCase()} pictures are not supported; use ${FORMAT_LIST}.`,
      details: { format },
    });
  }
  const header = readImageHeader(bytes);
  if (!header) throw new LatchkeyError('qr.image-unreadable', { details: { format } });
  checkPixelCount(header.width, header.height);
  return header;
}

/**
 * Refuses a canvas over the cap; also used for sizes found past the header (a GIF frame, whose
 * decoder needs a lower cap).
 */
export function checkPixelCount(width: number, height: number, maxPixels = MAX_IMAGE_PIXELS): void {
  if (width * height <= maxPixels) return;
  const megapixels = Math.round((width * height) / 1e6);
  throw new LatchkeyError('qr.image-too-large', {
    message: `This picture is ${width} × ${height} pixels (${megapixels} megapixels); the limit is ${maxPixels / 1e6} megapixels.`,
    details: { width, height, maxPixels },
  });
}
