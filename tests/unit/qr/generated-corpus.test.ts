import { beforeAll, describe, expect, it } from 'vitest';
import { scanQrCodes } from '../../../src/core/common/qr/index';
import {
  ensureQrCorpus,
  loadCorpusImage,
  type CorpusCategory,
  type CorpusImage,
} from '../../corpus/generate-qr-corpus';
import { zxingTexts } from '../../corpus/zxing-peer';

// The generated screenshots (tests/corpus/generate-qr-corpus.ts) against their known contents,
// with zxing-wasm run on the same pixels as the peer.

interface Outcome {
  image: CorpusImage;
  ours: string[];
  zxing: string[];
}

/** Categories where every code must be found: modules of 2 px or more at 100 % scaling. */
const MUST_FIND_ALL: readonly CorpusCategory[] = ['4k-m2to8', '4k-dark', 'multi-display', 'jpeg'];
/** 1-px modules and fractional scalings: at least zxing-wasm's recall, nothing invented. */
const AT_LEAST_PEER: readonly CorpusCategory[] = ['4k-m1', '4k-125pct', '4k-150pct'];

const outcomes: Outcome[] = [];

beforeAll(async () => {
  const { images } = await ensureQrCorpus();
  for (const image of images) {
    const pixels = await loadCorpusImage(image);
    const ours = scanQrCodes(pixels).map((h) => h.text);
    outcomes.push({ image, ours, zxing: await zxingTexts(pixels) });
  }
}, 180_000);

const recall = (list: Outcome[], who: 'ours' | 'zxing') => {
  const codes = list.flatMap((o) => o.image.codes.map((c) => ({ text: c.text, got: o[who] })));
  return codes.filter((c) => c.got.includes(c.text)).length / Math.max(1, codes.length);
};

describe('generated screenshot corpus', () => {
  it('covers every category with several images', () => {
    const categories = new Set(outcomes.map((o) => o.image.category));
    expect([...categories].sort()).toEqual([...MUST_FIND_ALL, ...AT_LEAST_PEER, 'no-code'].sort());
    expect(outcomes.length).toBeGreaterThanOrEqual(30);
  });

  it.each(MUST_FIND_ALL)('finds every code, in reading order, in %s images', (category) => {
    const list = outcomes.filter((o) => o.image.category === category);
    expect(list.length).toBeGreaterThan(0);
    for (const { image, ours } of list) {
      expect({ file: image.file, texts: ours }).toEqual({
        file: image.file,
        texts: image.codes.map((c) => c.text),
      });
    }
  });

  it.each(AT_LEAST_PEER)(
    'matches or beats zxing-wasm recall on %s and invents nothing',
    (category) => {
      const list = outcomes.filter((o) => o.image.category === category);
      for (const { image, ours } of list) {
        const expected = image.codes.map((c) => c.text);
        expect(ours.filter((t) => !expected.includes(t))).toEqual([]);
      }
      expect(recall(list, 'ours')).toBeGreaterThanOrEqual(recall(list, 'zxing'));
      // Codes of 2 logical px or more survive 125 % / 150 % scaling: those must all be found.
      for (const { image, ours } of list) {
        for (const code of image.codes.filter((c) => c.module >= 2.5))
          expect(ours).toContain(code.text);
      }
    },
  );

  it('reports nothing on screenshots without a code', () => {
    const list = outcomes.filter((o) => o.image.category === 'no-code');
    expect(list.length).toBeGreaterThanOrEqual(3);
    for (const { image, ours } of list)
      expect({ file: image.file, ours }).toEqual({ file: image.file, ours: [] });
  });

  // 125 % desktop scaling turns 1-px modules into 1.25-px ones, bilinear-blurred (the
  // generator's resizeBilinear): no pixel row follows a module row, the timing patterns wash
  // out and the row scan misses a finder. zxing-wasm loses one of these codes; the fitted
  // regrid (src/core/common/qr/regrid.ts) must read every one, with the generator's source text.
  it('reads every code at 125 % scaling, 1.25-px modules included', () => {
    const list = outcomes.filter((o) => o.image.category === '4k-125pct');
    const tiny = list.flatMap((o) => o.image.codes.filter((c) => c.module < 1.3));
    expect(tiny.length).toBeGreaterThanOrEqual(2);
    for (const { image, ours } of list) {
      expect({ file: image.file, texts: ours }).toEqual({
        file: image.file,
        texts: image.codes.map((c) => c.text),
      });
    }
  });

  it('has overall recall at least that of zxing-wasm', () => {
    expect(recall(outcomes, 'ours')).toBeGreaterThanOrEqual(recall(outcomes, 'zxing'));
  });
});
