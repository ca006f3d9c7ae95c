import { foldForSearch } from '../../../../../core/common/search';

/** One bundled brand icon as the matcher sees it. */
export interface Brand {
  readonly slug: string;
  readonly title: string;
  /** Brand colour, six hex digits without '#'. */
  readonly hex: string;
}

/** Letters and digits only, folded: "Dropbox, Inc." and "dropbox" meet as "dropboxinc"/"dropbox". */
export const brandKey = (text: string): string =>
  foldForSearch(text).replace(/[^\p{L}\p{N}]/gu, '');

/** Second-level labels that are not the brand (a country's "co.uk", "com.au", …). */
const GENERIC_LABELS = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu']);

/**
 * The brand part of a domain-like issuer: "accounts.google.com" → "google",
 * "https://gitlab.example.org/x" → "example", "amazon.co.uk" → "amazon". Null for plain names.
 */
export function domainLabel(issuer: string): string | null {
  const host = issuer
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#:].*$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return null;
  const labels = host.split('.');
  let at = labels.length - 2;
  if (at > 0 && GENERIC_LABELS.has(labels[at]!) && labels.at(-1)!.length === 2) at--;
  return labels[at] ?? null;
}

export type BrandLookup = ReadonlyMap<string, Brand>;

/** Every key a brand answers to: its slug, its title and its other names. */
export function buildLookup(rows: readonly (readonly string[])[]): BrandLookup {
  const lookup = new Map<string, Brand>();
  for (const [slug, title, hex, ...aka] of rows) {
    if (!slug || !title || !hex) continue;
    const brand = { slug, title, hex };
    // Titles win over aliases and slugs: the first key set is kept.
    for (const key of [title, ...aka, slug].map(brandKey)) {
      if (key && !lookup.has(key)) lookup.set(key, brand);
    }
  }
  return lookup;
}

/**
 * The bundled icon for an issuer: its whole name ("GitHub"), the brand of a domain-like issuer
 * ("login.microsoftonline.com" → nothing, "github.com" → GitHub), or its first word
 * ("Google Workspace (work)" → Google). Null when none matches: the tile shows a monogram.
 */
export function matchBrand(issuer: string, lookup: BrandLookup): Brand | null {
  const candidates = [issuer, domainLabel(issuer), issuer.split(/[\s:(\-–—,/]+/u)[0]];
  for (const candidate of candidates) {
    const key = candidate ? brandKey(candidate) : '';
    const brand = key.length >= 2 ? lookup.get(key) : undefined;
    if (brand) return brand;
  }
  return null;
}

/** Black or white, whichever reads better on the brand colour (WCAG relative luminance). */
export function inkOn(hex: string): '#000000' | '#ffffff' {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  // Contrast with white (1.05 / (L + 0.05)) vs with black ((L + 0.05) / 0.05) cross at L ≈ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}

/** A monogram tile for an issuer without an icon: its first letter on a colour from its name. */
export function monogram(label: string): { letter: string; hue: number } {
  const letter = [...label.trim()][0]?.toLocaleUpperCase() ?? '?';
  let hash = 0;
  for (const ch of brandKey(label)) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return { letter, hue: hash % 360 };
}

/** Same string hash as scripts/brand-icons-plugin.mjs: which path chunk holds a slug. */
export function bucketOf(slug: string, buckets: number): number {
  let h = 0;
  for (let i = 0; i < slug.length; i++) h = (h * 31 + slug.charCodeAt(i)) >>> 0;
  return h % buckets;
}
