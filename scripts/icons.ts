/**
 * Renders every icon from build/icon.svg: the app icon in the PNG sizes Linux uses, the macOS
 * .icns, the Windows .ico, and the tray images (a coloured one for Windows and Linux, a black
 * template image for the macOS menu bar, which macOS tints for light and dark menu bars).
 * Deterministic: the same SVG gives the same bytes, and tests/unit/packaging checks the
 * committed files are this script's output. Run: `npm run icons`.
 */
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import png2icons from 'png2icons';

/** Linux icon theme sizes (hicolor) electron-builder installs from build/icons. */
export const APP_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

/** Where each generated file goes, relative to the repository root. */
export const ICON_OUTPUTS = {
  png: (size: number) => `build/icons/${size}x${size}.png`,
  icns: 'build/icon.icns',
  ico: 'build/icon.ico',
  tray: 'resources/tray/tray.png',
  tray2x: 'resources/tray/tray@2x.png',
  trayTemplate: 'resources/tray/trayTemplate.png',
  trayTemplate2x: 'resources/tray/trayTemplate@2x.png',
} as const;

const root = resolve(import.meta.dirname, '..');

function render(svg: string, size: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
  });
  return Buffer.from(resvg.render().asPng());
}

/** The glyph alone, black on transparent, cropped to its bounds: the menu-bar template. */
export function templateSvg(source: string): string {
  const glyph = /<g id="glyph"[\s\S]*?<\/g>/.exec(source)?.[0];
  if (!glyph) throw new Error('build/icon.svg has no <g id="glyph">');
  const black = glyph.replace(/#ffffff/gi, '#000000');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="196 196 632 632">${black}</svg>`;
}

/** Every generated file's bytes, by its path relative to the repository root. */
export function renderIcons(source: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const size of APP_ICON_SIZES) out.set(ICON_OUTPUTS.png(size), render(source, size));
  const large = out.get(ICON_OUTPUTS.png(1024))!;
  const icns = png2icons.createICNS(large, png2icons.BICUBIC, 0);
  const ico = png2icons.createICO(large, png2icons.BICUBIC, 0, false, true);
  if (!icns || !ico) throw new Error('png2icons could not convert the 1024 px icon');
  out.set(ICON_OUTPUTS.icns, icns);
  out.set(ICON_OUTPUTS.ico, ico);
  out.set(ICON_OUTPUTS.tray, render(source, 16));
  out.set(ICON_OUTPUTS.tray2x, render(source, 32));
  const template = templateSvg(source);
  out.set(ICON_OUTPUTS.trayTemplate, render(template, 16));
  out.set(ICON_OUTPUTS.trayTemplate2x, render(template, 32));
  return out;
}

export function readIconSource(): string {
  return readFileSync(join(root, 'build/icon.svg'), 'utf8');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const [file, bytes] of renderIcons(readIconSource())) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), bytes);
    console.log(`${file}  ${bytes.length} bytes`);
  }
}
