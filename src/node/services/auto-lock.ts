import type { EventPayloads } from '../../shared/bridge';
import type { Clock, TimerPort } from './ports';

export type LockReason = EventPayloads['locked']['reason'];

/**
 * Locks after a period without the user touching Latchkey. The page reports user input
 * (throttled); the platform may also report system idle time, suspend and screen lock.
 * The minutes come from the vault settings; null means never.
 */
export class AutoLock {
  #lastActivity: number;
  #timer: unknown = null;
  #minutes: number | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly timers: TimerPort,
    private readonly lock: (reason: LockReason) => void,
    /** Seconds the whole system has been idle, where the platform can tell. */
    private readonly systemIdleSeconds: () => number | null = () => null,
    private readonly checkEveryMs = 15_000,
  ) {
    this.#lastActivity = clock.now();
  }

  /** Starts (or restarts) watching with the vault's setting; call on unlock and on change. */
  arm(minutes: number | null): void {
    this.#minutes = minutes;
    this.#lastActivity = this.clock.now();
    this.#schedule();
  }

  disarm(): void {
    if (this.#timer !== null) this.timers.clearTimeout(this.#timer);
    this.#timer = null;
    this.#minutes = null;
  }

  activity(): void {
    this.#lastActivity = this.clock.now();
  }

  /** The platform reports suspend or screen lock: lock at once, whatever the setting. */
  systemEvent(reason: 'suspend' | 'screen-lock'): void {
    this.lock(reason);
  }

  #schedule(): void {
    if (this.#timer !== null) this.timers.clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#minutes === null) return;
    this.#timer = this.timers.setTimeout(() => this.#check(), this.checkEveryMs);
  }

  #check(): void {
    this.#timer = null;
    if (this.#minutes === null) return;
    const limitMs = this.#minutes * 60_000;
    const appIdle = this.clock.now() - this.#lastActivity;
    const systemIdle = this.systemIdleSeconds();
    const idle = systemIdle === null ? appIdle : Math.max(appIdle, systemIdle * 1000);
    if (idle >= limitMs) {
      this.#minutes = null;
      this.lock('idle');
      return;
    }
    this.#schedule();
  }
}
