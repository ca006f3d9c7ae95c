import { latchkey } from './bridge';

/**
 * Tells main the user is here (for auto-lock), at most every 20 seconds. Only real input
 * counts: the page's own code refreshes must not keep the vault open.
 */
export function reportActivity(target: Window = window): () => void {
  let last = 0;
  const onInput = () => {
    const now = Date.now();
    if (now - last < 20_000) return;
    last = now;
    void latchkey['session:activity']({});
  };
  const events = ['pointerdown', 'keydown', 'wheel'] as const;
  events.forEach((e) => target.addEventListener(e, onInput, { passive: true }));
  return () => events.forEach((e) => target.removeEventListener(e, onInput));
}
