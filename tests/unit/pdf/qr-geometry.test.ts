import fc from 'fast-check';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrGeometry } from '../../../src/core/common/pdf/qr-geometry';

describe('qrGeometry', () => {
  it('covers exactly the dark modules with disjoint rectangles, fewer than the dark runs', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), (text) => {
        const bytes = new TextEncoder().encode(text);
        const modules = QRCode.create([{ data: bytes, mode: 'byte' }], {
          errorCorrectionLevel: 'M',
        }).modules;
        const g = qrGeometry(text);
        expect(g.size).toBe(modules.size);
        const covered = new Uint8Array(g.size * g.size);
        for (const r of g.rects) {
          for (let y = r.y; y < r.y + r.h; y++) {
            for (let x = r.x; x < r.x + r.w; x++) covered[y * g.size + x]! += 1;
          }
        }
        let runs = 0;
        for (let y = 0; y < g.size; y++) {
          for (let x = 0; x < g.size; x++) {
            expect(covered[y * g.size + x]).toBe(modules.get(y, x) ? 1 : 0);
            if (modules.get(y, x) && (x === 0 || !modules.get(y, x - 1))) runs++;
          }
        }
        expect(g.rects.length).toBeLessThan(runs);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
