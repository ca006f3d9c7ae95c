import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../../src/core/common/image/index';
import { scanQrCodes } from '../../../src/core/common/qr/index';
import { decodeImage, detectImageFormat, readImageFile } from '../../../src/core/node/image/index';
import { isLatchkeyError } from '../../../src/shared/errors/index';
import { declaredPng } from '../../support/hostile';

const corpora = join(process.cwd(), '..', 'shared', 'corpora');
const vision = join(corpora, 'qr_images', 'qr_code_vision');
const exportedWebp = join(
  corpora,
  'google_migration/extract_otp_secrets/docs/Exported-QR-codes.webp',
);

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return isLatchkeyError(error)
      ? { code: error.code, message: error.message }
      : { code: 'not-a-latchkey-error', message: String(error) };
  }
  return { code: 'none', message: '' };
}

/** ImageMagick writes the picture in another format; it is the independent encoder here. */
const convert = (source: string, ...args: string[]) =>
  execFileSync('convert', [source, ...args], { maxBuffer: 64 << 20 });

describe('picture file decoding for the CLI', () => {
  it('tells formats apart by magic bytes, not by name', () => {
    const masquerade = join(
      corpora,
      'google_migration/extract_otp_secrets/tests/data/text_masquerading_as_image.jpeg',
    );
    expect(detectImageFormat(readFileSync(masquerade))).toBe('unknown');
    expect(detectImageFormat(readFileSync(join(vision, 'otp_qr_code.png')))).toBe('png');
    expect(
      detectImageFormat(
        readFileSync(
          join(corpora, 'proton_authenticator/test_data/qr/GoogleAuthImportScreenshotCropped.jpg'),
        ),
      ),
    ).toBe('jpeg');
    expect(
      detectImageFormat(
        readFileSync(join(vision, 'otp_qr_code_with_transparency_from_windows_clipboard.bmp')),
      ),
    ).toBe('bmp');
    expect(detectImageFormat(readFileSync(exportedWebp))).toBe('webp');
    expect(detectImageFormat(Buffer.from('GIF89a\x01\x00\x01\x00'))).toBe('gif');
  });

  it('refuses text named .jpeg as unreadable, TIFF as unsupported, a cut-short PNG as unreadable', async () => {
    const masquerade = readFileSync(
      join(
        corpora,
        'google_migration/extract_otp_secrets/tests/data/text_masquerading_as_image.jpeg',
      ),
    );
    expect((await errorOf(decodeImage(masquerade))).code).toBe('qr.image-unreadable');
    const tiff = convert(join(vision, 'otp_qr_code.png'), 'TIFF:-');
    expect(await errorOf(decodeImage(tiff))).toEqual({
      code: 'qr.image-unsupported',
      message: expect.stringContaining('PNG, JPEG, WebP, BMP or GIF'),
    });
    const png = readFileSync(join(vision, 'otp_qr_code.png'));
    expect((await errorOf(decodeImage(png.subarray(0, 40)))).code).toBe('qr.image-unreadable');
  });

  it('reads the WebP screenshot of a real 2-part Google export (extract_otp_secrets docs) and finds both codes', async () => {
    const image = await readImageFile(exportedWebp);
    expect([image.width, image.height]).toEqual([562, 500]);
    const texts = scanQrCodes(image).map((hit) => hit.text);
    expect(texts).toEqual([
      expect.stringMatching(/^otpauth-migration:\/\/offline\?data=/),
      expect.stringMatching(/^otpauth-migration:\/\/offline\?data=/),
    ]);
  });

  it('reads GIF (first frame) and lossy/lossless WebP written by ImageMagick like the PNG they came from', async () => {
    const source = join(vision, 'otp_qr_code.png');
    const png = PNG.sync.read(readFileSync(source));
    const expected = scanQrCodes(png).map((hit) => hit.text);
    expect(expected).toHaveLength(1);
    for (const args of [
      ['GIF:-'],
      ['-interlace', 'GIF', 'GIF:-'],
      ['-define', 'webp:lossless=true', 'WEBP:-'],
      ['WEBP:-'],
    ]) {
      const image = await decodeImage(convert(source, ...args));
      expect({ args, size: [image.width, image.height] }).toEqual({
        args,
        size: [png.width, png.height],
      });
      expect(scanQrCodes(image).map((hit) => hit.text)).toEqual(expected);
    }
  });

  it('honours the alpha byte of a 32-bit clipboard BMP (same picture as the PNG)', async () => {
    const bmp = await readImageFile(
      join(vision, 'otp_qr_code_with_transparency_from_windows_clipboard.bmp'),
    );
    const png = await readImageFile(join(vision, 'otp_qr_code.png'));
    expect([bmp.width, bmp.height]).toEqual([png.width, png.height]);
    // Composite both over white and compare gray levels pixel by pixel.
    const gray = (d: Uint8Array | Uint8ClampedArray, i: number) =>
      255 - ((255 - d[i * 4]!) * d[i * 4 + 3]!) / 255;
    let differing = 0;
    for (let i = 0; i < png.width * png.height; i++)
      if (Math.abs(gray(bmp.data, i) - gray(png.data, i)) > 64) differing++;
    expect(differing).toBe(0);
  });

  it('reads 24-bit and 8-bit palette BMPs written by ImageMagick like the PNG they came from', async () => {
    const source = join(vision, 'otp_qr_code.png');
    const png = PNG.sync.read(readFileSync(source));
    for (const type of ['TrueColor', 'Palette']) {
      const bmp = await decodeImage(convert(source, '-type', type, 'BMP3:-'));
      expect([bmp.width, bmp.height]).toEqual([png.width, png.height]);
      let differing = 0;
      for (let i = 0; i < png.width * png.height * 4; i += 4)
        if (Math.abs(bmp.data[i]! - png.data[i]!) > 8) differing++;
      expect({ type, differing }).toEqual({ type, differing: 0 });
    }
  });
});

describe('picture size from the header, before decoding (issue 10 finding 8)', () => {
  // ImageMagick's `identify` is the independent reader of each format's declared size.
  it.each([
    ['PNG', ['PNG:-']],
    ['JPEG with EXIF-style APP segments', ['-set', 'comment', 'x'.repeat(5000), 'JPEG:-']],
    ['progressive JPEG', ['-interlace', 'JPEG', 'JPEG:-']],
    ['BMP (V5 header)', ['BMP:-']],
    ['BMP (OS/2 core header)', ['BMP2:-']],
    ['GIF', ['GIF:-']],
    ['lossy WebP (VP8)', ['WEBP:-']],
    ['lossless WebP (VP8L)', ['-define', 'webp:lossless=true', 'WEBP:-']],
    [
      'extended WebP (VP8X, with alpha)',
      ['-alpha', 'set', '-define', 'webp:alpha-quality=50', 'WEBP:-'],
    ],
  ])('%s: the header size equals what identify reads', (_name, args) => {
    const bytes = convert(join(vision, 'otp_qr_code.png'), '-resize', '123x77!', ...args);
    const [w, h] = execFileSync('identify', ['-format', '%w %h\n', '-'], { input: bytes })
      .toString()
      .split('\n')[0]!
      .split(' ')
      .map(Number);
    expect(readImageHeader(bytes)).toMatchObject({ width: w, height: h });
  });

  it('a 30,000 × 30,000 PNG of a few kilobytes is refused naming the limit, without decoding', async () => {
    const bytes = declaredPng(30_000, 30_000);
    expect(bytes.length).toBeLessThan(100_000);
    const error = await errorOf(decodeImage(bytes));
    expect(error.code).toBe('qr.image-too-large');
    expect(error.message).toContain('30000 × 30000');
    expect(error.message).toContain('the limit is 50 megapixels');
  });

  it('a GIF frame larger than its 1×1 screen is refused before decoding (GIF89a §20)', async () => {
    const gif = gifFile([0x2c, 0, 0, 0, 0, 1, 0, 0x60, 0xea, 0], 2, [0x4c, 0x01]);
    expect((await errorOf(decodeImage(gif))).code).toBe('qr.image-unreadable');
  });

  it('LZW codes that made gifuct-js build a self-referencing entry decode to a picture, not a V8 abort (found by npm run fuzz)', async () => {
    // After a clear code (4), code 6 is the next free entry, repeated: gifuct-js stored entry 6
    // as its own prefix and grew its pixel stack until V8 aborted the process.
    const gif = gifFile([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0], 2, lzwBits([4, 6, 6, 6, 5], 3));
    const image = await decodeImage(gif);
    expect([image.width, image.height]).toEqual([1, 1]);
  });

  it('a GIF declaring an LZW code size of 122 (GIF89a allows 2–8) is unreadable, not a 2.4 GB table (found by npm run fuzz)', async () => {
    const gif = gifFile([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0], 122, [0x4c, 0x01]);
    expect((await errorOf(decodeImage(gif))).code).toBe('qr.image-unreadable');
  });

  it('a small JPEG whose frame header claims 4000 × 4000 is refused as cut short (found by npm run fuzz)', async () => {
    // A real JPEG from ImageMagick with its SOF0 size rewritten: 16 megapixels from a few kB
    // cannot be (each 8×8 block needs at least one bit), and jpeg-js took seconds over it.
    const jpeg = Buffer.from(
      convert(join(vision, 'otp_qr_code.png'), '-resize', '64x64', 'JPEG:-'),
    );
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(4000, sof + 5);
    jpeg.writeUInt16BE(4000, sof + 7);
    expect(jpeg.length).toBeLessThan(16_000_000 / 1024);
    expect((await errorOf(decodeImage(jpeg))).code).toBe('qr.image-unreadable');
  });

  it.each([
    ['BMP', () => bmpHeader(20_000, -20_000)],
    ['JPEG', () => jpegHeader(30_000, 30_000)],
    ['WebP VP8X', () => webpVp8x(16_000, 16_000)],
  ])('a %s declaring a huge canvas is refused with the size limit', async (_name, make) => {
    expect((await errorOf(decodeImage(make()))).code).toBe('qr.image-too-large');
  });
});

/**
 * GIF89a §17–22: signature, a 1×1 logical screen with a 2-colour global table (black, white),
 * the given image descriptor, LZW minimum code size, one data sub-block, terminator, trailer.
 */
function gifFile(descriptor: number[], codeSize: number, lzw: number[]): Buffer {
  const screen = [1, 0, 1, 0, 0x80, 0, 0, ...[0, 0, 0, 255, 255, 255]];
  return Buffer.from([
    ...Buffer.from('GIF89a'),
    ...screen,
    ...descriptor,
    codeSize,
    lzw.length,
    ...lzw,
    0,
    0x3b,
  ]);
}

/** Packs LZW codes least-significant bit first, as GIF does (Appendix F). */
function lzwBits(codes: number[], width: number): number[] {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const code of codes) {
    buffer |= code << bits;
    bits += width;
    while (bits >= 8) {
      out.push(buffer & 0xff);
      buffer >>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) out.push(buffer & 0xff);
  return out;
}

/** BITMAPINFOHEADER (40 bytes) declaring the size; no pixels follow. */
function bmpHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(54);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(height, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  return b;
}

/** SOI, an APP0 segment, then SOF0 (ITU T.81 §B.2.2) declaring the size. */
function jpegHeader(width: number, height: number): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0, 11, 8, 0, 0, 0, 0, 1, 1, 0x11, 0]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]),
    Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'),
    sof,
  ]);
}

/** RIFF/WEBP with a VP8X chunk (RFC 9649 §2.7) declaring the canvas size. */
function webpVp8x(width: number, height: number): Buffer {
  const b = Buffer.alloc(40);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(32, 4);
  b.write('WEBPVP8X', 8, 'latin1');
  b.writeUInt32LE(10, 16);
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}
