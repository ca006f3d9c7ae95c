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
  if (format === 'jpeg' && header.width * header.height > bytes.length * MAX_JPEG_PIXELS_PER_BYTE)
    throw new LatchkeyError('qr.image-unreadable', { details: { format, reason: 'cut short' } });
  return header;
}

/**
 * Every 8×8 block of a JPEG costs at least one bit of Huffman code for its DC value (ITU T.81
 * §F.1.2.1, §G.1.2.1), so no JPEG holds more than 512 pixels per byte; twice that is allowed.
 * A file declaring more is cut short or forged, and jpeg-js would grind through the missing
 * blocks anyway: a fuzzed 2.7 KB file took 5 s.
 */
const MAX_JPEG_PIXELS_PER_BYTE = 1024;

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
