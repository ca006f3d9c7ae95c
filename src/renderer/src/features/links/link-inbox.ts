import { useEffect, useSyncExternalStore } from 'react';
import type { StagingView } from '../../../../shared/staging';
import { latchkey } from '../../lib/bridge';
import { Store } from '../../lib/store';

/**
 * Links opened from the desktop (a browser's otpauth:// link) arrive as `link-staged` events —
 * possibly while the page is still on the unlock screen, so they are held here until the
 * unlocked screens can show them. Subscribed once, when the page loads.
 */
class LinkInbox extends Store<StagingView | null> {
  constructor() {
    super(null);
    latchkey.on('link-staged', ({ view }) => this.set(view));
    latchkey.on('locked', () => this.set(null));
  }

  take(): void {
    this.set(null);
  }
}

export const linkInbox = new LinkInbox();

/** Calls `show` with each staged link as soon as the caller is on screen. */
export function useOpenedLinks(show: (view: StagingView) => void): void {
  const pending = useSyncExternalStore(linkInbox.subscribe, linkInbox.getSnapshot);
  useEffect(() => {
    if (!pending) return;
    linkInbox.take();
    show(pending);
  }, [pending, show]);
}
