import { bucketOf, buildLookup, type Brand, type BrandLookup } from './brand-match';

/**
 * The bundled brand icons, loaded after the first screen: the index (for matching) in one
 * lazy chunk, the SVG paths in chunks fetched only for icons on screen. Nothing leaves the app.
 */
interface Loaded {
  readonly lookup: BrandLookup;
  readonly bySlug: ReadonlyMap<string, Brand>;
  readonly brands: readonly Brand[];
  readonly loaders: readonly (() => Promise<{ default: Record<string, string> }>)[];
}

let index: Promise<Loaded> | null = null;
const chunks = new Map<number, Promise<Record<string, string>>>();

export function loadBrands(): Promise<Loaded> {
  index ??= import('virtual:brand-index').then(({ BRANDS, LOADERS }) => {
    const brands = BRANDS.map(([slug, title, hex]) => ({ slug: slug!, title: title!, hex: hex! }));
    return {
      lookup: buildLookup(BRANDS),
      bySlug: new Map(brands.map((b) => [b.slug, b])),
      brands,
      loaders: LOADERS,
    };
  });
  return index;
}

/** The SVG path (24×24 viewBox) of one bundled icon. */
export async function loadBrandPath(slug: string): Promise<string | null> {
  const { loaders } = await loadBrands();
  const bucket = bucketOf(slug, loaders.length);
  let chunk = chunks.get(bucket);
  if (!chunk) {
    chunk = loaders[bucket]!().then((m) => m.default);
    chunks.set(bucket, chunk);
  }
  return (await chunk)[slug] ?? null;
}
