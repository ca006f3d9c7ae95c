import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Bundles the simple-icons brand set (CC0, never fetched at run time) for the page in pieces:
 * `virtual:brand-index` — slug, title, colour and alias names of every icon (for matching
 * issuers), and `virtual:brand-paths-N` — the SVG paths, split into BUCKETS chunks so a list
 * loads only the chunks of the icons it shows. Both are lazily imported by the page.
 */
export const BUCKETS = 64;
const INDEX = 'virtual:brand-index';
const PATHS = 'virtual:brand-paths-';

/** The same string hash as src/renderer/src/features/codes/icons/brand-index.ts. */
export function bucketOf(slug) {
  let h = 0;
  for (let i = 0; i < slug.length; i++) h = (h * 31 + slug.charCodeAt(i)) >>> 0;
  return h % BUCKETS;
}

function readIcons() {
  const require = createRequire(import.meta.url);
  // The package exports only its modules; its data and SVG files sit beside the main one.
  const root = dirname(require.resolve('simple-icons'));
  const data = JSON.parse(readFileSync(join(root, 'data', 'simple-icons.json'), 'utf8'));
  return data.map((icon) => ({
    slug: icon.slug,
    title: icon.title,
    hex: icon.hex,
    aka: icon.aliases?.aka ?? [],
    path: readFileSync(join(root, 'icons', `${icon.slug}.svg`), 'utf8').match(/ d="([^"]+)"/)[1],
  }));
}

export function brandIconsPlugin() {
  let icons = null;
  const all = () => (icons ??= readIcons());
  return {
    name: 'latchkey-brand-icons',
    resolveId(id) {
      return id === INDEX || id.startsWith(PATHS) ? `\0${id}` : null;
    },
    load(id) {
      if (id === `\0${INDEX}`) {
        const rows = all().map((i) => [i.slug, i.title, i.hex, ...i.aka]);
        const loaders = Array.from(
          { length: BUCKETS },
          (_, n) => `() => import('${PATHS}${n}')`,
        ).join(',\n');
        return `export const BRANDS = ${JSON.stringify(rows)};\nexport const LOADERS = [${loaders}];\n`;
      }
      if (id.startsWith(`\0${PATHS}`)) {
        const n = Number(id.slice(PATHS.length + 1));
        const paths = Object.fromEntries(
          all()
            .filter((i) => bucketOf(i.slug) === n)
            .map((i) => [i.slug, i.path]),
        );
        return `export default ${JSON.stringify(paths)};\n`;
      }
      return null;
    },
  };
}
