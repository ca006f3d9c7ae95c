/**
 * Reads a picture's format and declared size from its first bytes, before any decoder runs, so
 * a small file that claims a huge canvas is refused before anything is allocated for it. Pure
 * and page-safe: the app checks dropped/pasted/opened pictures with it before the browser
 * decodes them, and the CLI before its Node decoders do.
 */

/** The picture formats we can tell apart by their first bytes (never by file name). */
export type ImageFormat = 'png' | 'jpeg' | 'bmp' | 'gif' | 'webp' | 'tiff' | 'unknown';

/** Formats the app and the CLI both read: one list, so the two never disagree. */
export const ACCEPTED_IMAGE_FORMATS = ['png', 'jpeg', 'bmp', 'webp', 'gif'] as const;
export type AcceptedImageFormat = (typeof ACCEPTED_IMAGE_FORMATS)[number];

export interface ImageHeader {
  readonly format: AcceptedImageFormat;
  readonly width: number;
  readonly height: number;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Magic numbers: PNG spec §5.2, JFIF/EXIF SOI marker, BMP "BM", GIF87a/89a, RIFF…WEBP, TIFF II/MM. */
export function detectImageFormat(bytes: Uint8Array): ImageFormat {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('BM')) && bytes.length >= 26) return 'bmp';
  if (startsWith(bytes, ascii('GIF8'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'tiff';
  return 'unknown';
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** PNG spec §11.2.2: IHDR is the first chunk; width and height are big-endian uint32. */
function pngSize(bytes: Uint8Array): [number, number] | null {
  if (bytes.length < 24 || !startsWith(bytes, ascii('IHDR'), 12)) return null;
  return [view(bytes).getUint32(16), view(bytes).getUint32(20)];
}

/**
 * JPEG (ITU T.81 §B.1.1): walk the marker segments to the first SOFn (C0–CF except C4 DHT,
 * C8 JPG, CC DAC); its payload is precision (1), height (2), width (2), big-endian.
 */
function jpegSize(bytes: Uint8Array): [number, number] | null {
  const data = view(bytes);
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2; // standalone markers carry no length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan before any frame
    const length = data.getUint16(at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) {
      if (at + 9 > bytes.length) return null;
      return [data.getUint16(at + 7), data.getUint16(at + 5)];
    }
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
}

/** BMP: BITMAPCOREHEADER (12 bytes, uint16 sizes) or BITMAPINFOHEADER+ (int32; height < 0 = top-down). */
function bmpSize(bytes: Uint8Array): [number, number] | null {
  const data = view(bytes);
  if (bytes.length < 26) return null;
  const headerSize = data.getUint32(14, true);
  if (headerSize === 12) return [data.getUint16(18, true), data.getUint16(20, true)];
  if (headerSize < 40) return null;
  const width = data.getInt32(18, true);
  const height = data.getInt32(22, true);
  return width < 0 ? null : [width, Math.abs(height)];
}

/** GIF89a §18: the logical screen descriptor follows the 6-byte signature (uint16 LE each). */
function gifSize(bytes: Uint8Array): [number, number] | null {
  if (bytes.length < 10) return null;
  return [view(bytes).getUint16(6, true), view(bytes).getUint16(8, true)];
}

/**
 * WebP container (RFC 9649): the first chunk after "WEBP" is VP8 (lossy: 14-bit sizes after the
 * 9d 01 2a start code), VP8L (lossless: signature 0x2f, then 14-bit width−1 and height−1) or VP8X
 * (extended: 24-bit canvas width−1 and height−1).
 */
function webpSize(bytes: Uint8Array): [number, number] | null {
  if (bytes.length < 30) return null;
  const data = view(bytes);
  if (startsWith(bytes, ascii('VP8 '), 12)) {
    if (!startsWith(bytes, [0x9d, 0x01, 0x2a], 23)) return null;
    return [data.getUint16(26, true) & 0x3fff, data.getUint16(28, true) & 0x3fff];
  }
  if (startsWith(bytes, ascii('VP8L'), 12)) {
    if (bytes[20] !== 0x2f) return null;
    const bits = data.getUint32(21, true);
    return [(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1];
  }
  if (startsWith(bytes, ascii('VP8X'), 12)) {
    const uint24 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
    return [uint24(24) + 1, uint24(27) + 1];
  }
  return null;
}

const SIZE_READERS: Readonly<
  Record<AcceptedImageFormat, (bytes: Uint8Array) => [number, number] | null>
> = { png: pngSize, jpeg: jpegSize, bmp: bmpSize, gif: gifSize, webp: webpSize };

export function isAcceptedFormat(format: ImageFormat): format is AcceptedImageFormat {
  return (ACCEPTED_IMAGE_FORMATS as readonly string[]).includes(format);
}

/**
 * The format and declared size of a picture, or null when its header cannot be read (not a
 * picture, a format we do not read, cut short, or a zero size).
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  const format = detectImageFormat(bytes);
  if (!isAcceptedFormat(format)) return null;
  const size = SIZE_READERS[format](bytes);
  if (!size || size[0] <= 0 || size[1] <= 0) return null;
  return { format, width: size[0], height: size[1] };
}
