import { useSyncExternalStore } from 'react';
import { Store } from './store';

/**
 * The page's notion of "now" for countdowns: ticks a few times a second, and additionally
 * exactly at requested instants (period boundaries) so codes turn over on time.
 */
class ClockStore extends Store<number> {
  #interval: ReturnType<typeof setInterval> | undefined;
  #wake: ReturnType<typeof setTimeout> | undefined;
  #users = 0;

  constructor() {
    super(Date.now());
  }

  readonly use = (listener: () => void): (() => void) => {
    const unsubscribe = this.subscribe(listener);
    if (this.#users++ === 0) this.#interval = setInterval(() => this.set(Date.now()), 200);
    return () => {
      unsubscribe();
      if (--this.#users === 0) clearInterval(this.#interval);
    };
  };

  /** Ensures a tick at `at` (Unix ms); the earliest pending request wins. */
  wakeAt(at: number): void {
    clearTimeout(this.#wake);
    this.#wake = setTimeout(() => this.set(Date.now()), Math.max(0, at - Date.now()));
  }
}

export const clock = new ClockStore();

export function useNow(): number {
  return useSyncExternalStore(clock.use, clock.getSnapshot);
}
