import type { EventPayloads } from '../../shared/bridge';
import type { EventName } from '../../shared/bridge-channels';

/**
 * The seams between main-side services and the platform. Electron implements them in the app;
 * the end-to-end test bridge implements them with real non-Electron equivalents.
 */

export interface Clock {
  now(): number;
}

export interface ClipboardPort {
  writeText(text: string): Promise<void>;
  /**
   * Writes a one-time code together with the platform's "do not keep" markers
   * (src/node/shell/clipboard-format.ts), where this clipboard can carry them; a port that
   * cannot leaves it out and plain `writeText` is used.
   */
  writeSecret?(text: string): Promise<void>;
  readText(): Promise<string>;
}

export interface TimerPort {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WindowPort {
  /** Keeps the window out of screenshots and screen sharing where the OS supports it. */
  setContentProtection(on: boolean): void;
}

/** Pushes an event to the page (webContents.send in the app). */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
}

export const systemClock: Clock = { now: () => Date.now() };

export const systemTimers: TimerPort = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending clipboard wipe must not keep the process (or a test) alive.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
