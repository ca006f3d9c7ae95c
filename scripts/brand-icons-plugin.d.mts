import type { Plugin } from 'vite';

/** See brand-icons-plugin.mjs: the simple-icons set as lazily loaded virtual modules. */
export declare const BUCKETS: number;
export declare function bucketOf(slug: string): number;
export declare function brandIconsPlugin(): Plugin;
