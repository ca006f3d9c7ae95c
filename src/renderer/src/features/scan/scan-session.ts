import type { StagingView } from '../../../../shared/staging';
import { latchkey } from '../../lib/bridge';
import { Store } from '../../lib/store';
import { createQrScanner, type QrScanner } from './qr-client';
import { thumbnail, type RgbaFrame } from './pixels';

export interface ScanState {
  readonly busy: string | null;
  readonly view: StagingView | null;
  /** A picture of the QR code each staged account was read from, by staged key. */
  readonly thumbnails: ReadonlyMap<string, string>;
  /** A message when the last look found nothing, or failed. */
  readonly notice: { readonly tone: 'info' | 'error'; readonly text: string } | null;
  /** A picture file the user may want deleted now that its codes are read. */
  readonly offerDelete: { readonly token: string; readonly name: string } | null;
}

const initial: ScanState = {
  busy: null,
  view: null,
  thumbnails: new Map(),
  notice: null,
  offerDelete: null,
};

/**
 * One "Add account" visit: frames from any source go to the QR worker, their texts go to main,
 * and main's staging view (accounts found, problems, export parts missing) comes back.
 * Thumbnails and texts live only here and are dropped on reset.
 */
class ScanSession extends Store<ScanState> {
  #scanner: QrScanner | null = null;
  #thumbs = new Map<string, string>();

  get scanner(): QrScanner {
    this.#scanner ??= createQrScanner();
    return this.#scanner;
  }

  setBusy(busy: string | null): void {
    this.set({ ...this.getSnapshot(), busy, ...(busy && { notice: null }) });
  }

  notify(tone: 'info' | 'error', text: string): void {
    this.set({ ...this.getSnapshot(), busy: null, notice: { tone, text } });
  }

  offerDelete(file: { token: string; name: string } | null): void {
    this.set({ ...this.getSnapshot(), offerDelete: file });
  }

  /** Finds the codes in each frame (frames are handed to the worker and unusable afterwards). */
  async readFrames(frames: RgbaFrame[], what: string): Promise<number> {
    const texts: string[] = [];
    const thumbs: string[] = [];
    for (const frame of frames) {
      // Thumbnails first: the worker takes the buffer over.
      const copy = { data: frame.data.slice(), width: frame.width, height: frame.height };
      const hits = await this.scanner.scan(frame);
      for (const hit of hits) {
        texts.push(hit.text);
        thumbs.push(thumbnail(copy, hit.bounds));
      }
    }
    if (texts.length === 0) {
      this.notify('info', `No QR code found in ${what}. Make sure the whole code is visible.`);
      return 0;
    }
    await this.readTexts(texts, thumbs);
    return texts.length;
  }

  async readTexts(texts: string[], thumbs: string[] = []): Promise<void> {
    const known = new Set(this.getSnapshot().view?.items.map((item) => item.key));
    const result = await latchkey['scan:read-texts']({ texts });
    if (!result.ok) return this.notify('error', result.error.message);
    for (const item of result.value.items) {
      const picture = item.origin === null ? undefined : thumbs[item.origin];
      if (!known.has(item.key) && picture) this.#thumbs.set(item.key, picture);
    }
    this.set({
      ...this.getSnapshot(),
      busy: null,
      view: result.value,
      thumbnails: new Map(this.#thumbs),
      notice: null,
    });
  }

  /** Shows a staging view that came from elsewhere (an import). */
  showStaging(view: StagingView): void {
    this.set({ ...this.getSnapshot(), busy: null, view, notice: null });
  }

  async refresh(): Promise<void> {
    const result = await latchkey['staging:view']({});
    if (result.ok) this.set({ ...this.getSnapshot(), view: result.value });
  }

  async reset(): Promise<void> {
    this.#thumbs.clear();
    this.set(initial);
    await latchkey['staging:reset']({});
  }
}

export const scanSession = new ScanSession(initial);
