/** Modules made at build time by scripts/brand-icons-plugin.mjs from the simple-icons package. */
declare module 'virtual:brand-index' {
  /** [slug, title, hex colour, ...alias names] for every bundled brand icon. */
  export const BRANDS: readonly (readonly string[])[];
  /** Loaders of the SVG path chunks; an icon's chunk is `bucketOf(slug)`. */
  export const LOADERS: readonly (() => Promise<{ default: Record<string, string> }>)[];
}
