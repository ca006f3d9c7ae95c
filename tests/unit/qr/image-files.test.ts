import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeImage, detectImageFormat, readImageFile } from '../../../src/cli/image/index';
import { isLatchkeyError } from '../../../src/shared/errors/index';

const corpora = join(process.cwd(), '..', 'shared', 'corpora');
const vision = join(corpora, 'qr_images', 'qr_code_vision');

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isLatchkeyError(error) ? error.code : 'not-a-latchkey-error';
  }
  return undefined;
}

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
    expect(
      detectImageFormat(
        readFileSync(
          join(corpora, 'google_migration/extract_otp_secrets/docs/Exported-QR-codes.webp'),
        ),
      ),
    ).toBe('webp');
    expect(detectImageFormat(Buffer.from('GIF89a\x01\x00\x01\x00'))).toBe('gif');
  });

  it('refuses text named .jpeg as unreadable, and WebP/GIF as unsupported', () => {
    const masquerade = readFileSync(
      join(
        corpora,
        'google_migration/extract_otp_secrets/tests/data/text_masquerading_as_image.jpeg',
      ),
    );
    expect(errorCode(() => decodeImage(masquerade))).toBe('qr.image-unreadable');
    const webp = readFileSync(
      join(corpora, 'google_migration/extract_otp_secrets/docs/Exported-QR-codes.webp'),
    );
    expect(errorCode(() => decodeImage(webp))).toBe('qr.image-unsupported');
    expect(errorCode(() => decodeImage(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;')))).toBe(
      'qr.image-unsupported',
    );
    // A PNG cut short after its signature is damaged, not a crash.
    const png = readFileSync(join(vision, 'otp_qr_code.png'));
    expect(errorCode(() => decodeImage(png.subarray(0, 40)))).toBe('qr.image-unreadable');
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

  it('reads 24-bit and 8-bit palette BMPs written by ImageMagick like the PNG they came from', () => {
    const source = join(vision, 'otp_qr_code.png');
    const png = PNG.sync.read(readFileSync(source));
    for (const type of ['TrueColor', 'Palette']) {
      const bytes = execFileSync('convert', [source, '-type', type, 'BMP3:-']);
      const bmp = decodeImage(bytes);
      expect([bmp.width, bmp.height]).toEqual([png.width, png.height]);
      let differing = 0;
      for (let i = 0; i < png.width * png.height * 4; i += 4)
        if (Math.abs(bmp.data[i]! - png.data[i]!) > 8) differing++;
      expect({ type, differing }).toEqual({ type, differing: 0 });
    }
  });
});
