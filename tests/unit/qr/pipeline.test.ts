import jsQR, { type Options } from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_TEXT_LENGTH,
  scanQrCodes,
  scanQrCodesDetailed,
} from '../../../src/core/common/qr/index';
import { isLatchkeyError } from '../../../src/shared/errors/index';

// Small hand-built frames: codes painted from `qrcode`'s module matrix (an independent encoder)
// at known places, so the expected texts and positions are facts of the test, not our output.

interface Frame {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

function frame(width: number, height: number, gray = 240): Frame {
  const data = new Uint8ClampedArray(width * height * 4).fill(gray);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { data, width, height };
}

/** Paints a code with a 4-module quiet zone; `inverted` = light modules on dark (dark theme). */
function paint(
  f: Frame,
  text: string,
  x: number,
  y: number,
  module: number,
  inverted = false,
): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const [ink, paper] = inverted ? [235, 25] : [0, 255];
  for (let py = y - 4 * module; py < y + (n + 4) * module; py++) {
    for (let px = x - 4 * module; px < x + (n + 4) * module; px++) {
      const r = Math.floor((py - y) / module),
        c = Math.floor((px - x) / module);
      const dark = r >= 0 && c >= 0 && r < n && c < n && qr.modules.data[r * n + c] === 1;
      const o = (py * f.width + px) * 4;
      f.data[o] = f.data[o + 1] = f.data[o + 2] = dark ? ink : paper;
    }
  }
}

const uri = (n: number) =>
  `otpauth://totp/Example:user${n}@example.com?secret=JBSWY3DPEHPK3PX${'ABCDEFGH'[n]}&issuer=Example`;

describe('scanQrCodes', () => {
  it('returns codes in reading order: rows top to bottom, left to right within a row', () => {
    const f = frame(1400, 900);
    // One row whose tops differ by up to 30 px, painted right to left, then a second row.
    paint(f, uri(2), 1000, 100, 4);
    paint(f, uri(1), 550, 130, 4);
    paint(f, uri(0), 100, 110, 4);
    paint(f, uri(4), 700, 520, 3);
    paint(f, uri(3), 150, 500, 5);
    expect(scanQrCodes(f).map((h) => h.text)).toEqual([0, 1, 2, 3, 4].map(uri));
  });

  it('reports bounds in source pixels around the symbol', () => {
    const f = frame(800, 600);
    paint(f, uri(1), 300, 200, 4);
    const n = QRCode.create(uri(1), { errorCorrectionLevel: 'M' }).modules.size;
    const [hit] = scanQrCodes(f);
    expect(hit!.bounds.x).toBeCloseTo(300, -1);
    expect(hit!.bounds.y).toBeCloseTo(200, -1);
    expect(hit!.bounds.width).toBeCloseTo(n * 4, -1);
  });

  it('reads light-on-dark (dark theme) codes next to ordinary ones', () => {
    const f = frame(1200, 500, 30);
    paint(f, uri(0), 100, 100, 4, true);
    paint(f, uri(1), 700, 100, 4, false);
    expect(scanQrCodes(f).map((h) => h.text)).toEqual([uri(0), uri(1)]);
  });

  it('accepts a luma buffer as well as RGBA', () => {
    const f = frame(600, 600);
    paint(f, uri(3), 150, 150, 3);
    const luma = new Uint8Array(f.width * f.height).map((_, i) => f.data[i * 4]!);
    expect(
      scanQrCodes({ data: luma, width: 600, height: 600, format: 'luma' }).map((h) => h.text),
    ).toEqual([uri(3)]);
  });

  it('treats transparent pixels as white paper', () => {
    const f = frame(500, 500);
    paint(f, uri(5), 100, 100, 3);
    // Make every light pixel fully transparent black, as a clipboard PNG may arrive.
    for (let o = 0; o < f.data.length; o += 4) {
      if (f.data[o]! > 128) f.data.set([0, 0, 0, 0], o);
    }
    expect(scanQrCodes(f).map((h) => h.text)).toEqual([uri(5)]);
  });

  it('refuses text longer than the cap and reports it instead', () => {
    const f = frame(1000, 1000);
    const long = '7'.repeat(DEFAULT_MAX_TEXT_LENGTH + 100); // numeric mode fits 4196 digits
    const qr = QRCode.create(long, { errorCorrectionLevel: 'L' });
    expect(qr.modules.size * 2 + 16).toBeLessThan(1000);
    paint(f, long, 50, 50, 2);
    const result = scanQrCodesDetailed(f);
    expect(result.hits).toEqual([]);
    expect(result.rejected).toMatchObject([{ code: 'qr.text-too-long', length: long.length }]);
    // A caller with a smaller cap refuses ordinary links too.
    const g = frame(500, 500);
    paint(g, uri(1), 100, 100, 3);
    expect(scanQrCodesDetailed(g, { maxTextLength: 20 }).rejected).toHaveLength(1);
  });

  it('finds nothing in an empty or noisy frame', () => {
    const f = frame(1280, 720);
    let seed = 7;
    for (let o = 0; o < f.data.length; o += 4) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const v = seed >>> 24 > 128 ? 20 : 230;
      f.data[o] = f.data[o + 1] = f.data[o + 2] = v;
    }
    expect(scanQrCodes(f)).toEqual([]);
    expect(scanQrCodes(frame(64, 64))).toEqual([]);
  });

  it('reports the same code twice when it is shown twice', () => {
    const f = frame(1200, 400);
    paint(f, uri(1), 100, 80, 4);
    paint(f, uri(1), 700, 80, 4);
    expect(scanQrCodes(f).map((h) => h.text)).toEqual([uri(1), uri(1)]);
  });

  it('rejects a buffer that does not match its size', () => {
    const bad = () => scanQrCodes({ data: new Uint8ClampedArray(10), width: 100, height: 100 });
    expect(bad).toThrow();
    try {
      bad();
    } catch (error) {
      expect(isLatchkeyError(error) && error.code).toBe('qr.image-invalid');
    }
  });

  it('does not depend on options an earlier jsQR caller left behind', () => {
    // jsQR 1.4.0 copies any options it is given into its module defaults. Poison them with
    // 'onlyInvert' (which cannot read dark-on-light codes); our scan passes every option itself.
    const f = frame(400, 400);
    paint(f, uri(2), 100, 100, 3);
    // jsQR 1.4.0 can also throw on some frames; only its side effect on the defaults matters.
    const plain = (options: Options) => {
      try {
        return jsQR(f.data, f.width, f.height, options);
      } catch {
        return null;
      }
    };
    plain({ inversionAttempts: 'onlyInvert' });
    expect(plain({})).toBeNull();
    expect(scanQrCodes(f).map((h) => h.text)).toEqual([uri(2)]);
    plain({ inversionAttempts: 'attemptBoth' }); // restore jsQR's documented default
  });
});
