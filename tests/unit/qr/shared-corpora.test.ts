import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImageFile } from '../../../src/core/node/image/index';
import { scanQrCodes } from '../../../src/core/common/qr/index';

// Real QR images from other projects, with the texts recorded in
// ../shared/corpora/qr_images/EXPECTED.json (zbarimg-verified; see corpora README §7).
const corpora = join(process.cwd(), '..', 'shared', 'corpora');

interface ExpectedEntry {
  file: string;
  expected_text?: string;
  expected_texts?: string[];
}
const entries = (
  JSON.parse(readFileSync(join(corpora, 'qr_images', 'EXPECTED.json'), 'utf8')) as {
    images: ExpectedEntry[];
  }
).images;
const textOf = (file: string) => entries.find((e) => e.file === file)!.expected_text!;
const VISION = textOf('qr_images/qr_code_vision/otp_qr_code.png');
const NEO4J = textOf('qr_images/aegis_camera_frames/qr.y.png');

/** File → texts in reading order; "same as …" entries resolved by hand from the README. */
const cases: [string, string[]][] = entries.map((e) => {
  if (e.expected_texts) {
    // The WebP original is read through the lossless PNG conversion kept next to it.
    return [e.file.replace(/\.webp$/, '.converted.png'), e.expected_texts];
  }
  const text = e.expected_text!;
  if (text.startsWith('same as otp_qr_code')) return [e.file, [VISION]];
  if (text.startsWith('same neo4j')) return [e.file, [NEO4J]];
  return [e.file, [text]];
});

describe('QR images from the shared corpora', () => {
  it('indexes the 15 otpauth / migration / negative images', () => {
    expect(cases).toHaveLength(15);
  });

  it.each(cases)('%s decodes to the expected text', async (file, texts) => {
    const image = await readImageFile(join(corpora, file));
    const found = scanQrCodes(image).map((h) => h.text);
    // The two-code Google Authenticator export is read left (1 of 2) to right (2 of 2); the
    // index lists it in the other order, so compare that one as a set.
    if (texts.length > 1) expect([...found].sort()).toEqual([...texts].sort());
    else expect(found).toEqual(texts);
  });

  it('reads the two-code export left to right (batch 1 of 2 first)', async () => {
    const file = 'google_migration/extract_otp_secrets/docs/Exported-QR-codes.converted.png';
    const hits = scanQrCodes(await readImageFile(join(corpora, file)));
    expect(hits).toHaveLength(2);
    expect(hits[0]!.bounds.x).toBeLessThan(hits[1]!.bounds.x);
    // Left code holds test1…test10 ("CiMK…"), right one test11…testscan (EXPECTED.json).
    expect(hits[0]!.text).toContain('data=CiMK');
  });
});

describe('jsQR end-to-end photos (qr_images/jsqr_end_to_end, all decodable by jsQR itself)', () => {
  const dir = join(corpora, 'qr_images', 'jsqr_end_to_end');
  const photos = (
    JSON.parse(readFileSync(join(dir, 'EXPECTED.json'), 'utf8')) as {
      cases: { file: string; expected_text: string }[];
    }
  ).cases;

  it('reads nearly all of them from finder patterns alone, and all with the whole-frame fallback', async () => {
    let plain = 0;
    let withFallback = 0;
    for (const photo of photos) {
      const image = await readImageFile(join(dir, photo.file));
      if (scanQrCodes(image).some((h) => h.text === photo.expected_text)) plain++;
      const fallback = scanQrCodes(image, { wholeFrameFallback: true });
      if (fallback.some((h) => h.text === photo.expected_text)) withFallback++;
    }
    expect(photos).toHaveLength(34);
    expect(plain).toBeGreaterThanOrEqual(32);
    expect(withFallback).toBe(34);
  }, 60_000);
});
