import type { LatchkeyApi } from '../../shared/bridge';

declare global {
  interface Window {
    /** Installed by the preload (or the end-to-end test bridge); the page's only way to main. */
    readonly latchkey: LatchkeyApi;
  }
}
