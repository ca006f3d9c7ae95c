import type { LatchkeyApi } from '../../../shared/bridge';

/** The bridge, read once. Components import this rather than touching `window`. */
export const latchkey: LatchkeyApi = window.latchkey;
