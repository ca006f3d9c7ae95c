import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ICON_OUTPUTS, readIconSource, renderIcons } from '../../../scripts/icons';

const root = join(import.meta.dirname, '..', '..', '..');

describe('icons (scripts/icons.ts from build/icon.svg)', () => {
  const rendered = renderIcons(readIconSource());

  it('the committed icons are exactly what the script renders (reproducible, up to date)', () => {
    for (const [file, bytes] of rendered) {
      expect(readFileSync(join(root, file)).equals(bytes), `${file} is stale: npm run icons`).toBe(
        true,
      );
    }
  });

  it('each PNG has its declared size; the template is black on transparent', () => {
    const png = PNG.sync.read(rendered.get(ICON_OUTPUTS.png(256))!);
    expect([png.width, png.height]).toEqual([256, 256]);
    const template = PNG.sync.read(rendered.get(ICON_OUTPUTS.trayTemplate2x)!);
    expect([template.width, template.height]).toEqual([32, 32]);
    let opaque = 0;
    for (let i = 0; i < template.data.length; i += 4) {
      if (template.data[i + 3]! > 0) {
        opaque++;
        expect(template.data.subarray(i, i + 3).every((c) => c === 0)).toBe(true);
      }
    }
    expect(opaque).toBeGreaterThan(50);
    expect(opaque).toBeLessThan(32 * 32 - 50);
  });

  it('the .icns and .ico carry their container signatures', () => {
    expect(rendered.get(ICON_OUTPUTS.icns)!.subarray(0, 4).toString('latin1')).toBe('icns');
    expect([...rendered.get(ICON_OUTPUTS.ico)!.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  });
});
