import type { AccountId } from '../../shared/account';
import { LatchkeyError } from '../../shared/errors';
import type { AccountRepository } from './account-repository';
import type { CodesService } from './codes-service';
import type { ClipboardPort, Clock, TimerPort } from './ports';

/** How long a copied code stays on the clipboard before Latchkey wipes it. */
export const CLIPBOARD_CLEAR_MS = 30_000;

/**
 * Copies codes from main (the page never holds clipboard rights) and wipes them after a
 * while — but only if the clipboard still holds our code, so a user's later copy survives.
 */
export class ClipboardService {
  #pendingClear: unknown = null;
  /** The code we last put on the clipboard and have not wiped yet. */
  #onClipboard: string | null = null;

  constructor(
    private readonly clipboard: ClipboardPort,
    private readonly codes: CodesService,
    private readonly accounts: AccountRepository,
    private readonly clock: Clock,
    private readonly timers: TimerPort,
    private clearAfterMs: number | null = CLIPBOARD_CLEAR_MS,
  ) {}

  /** The wipe delay chosen in the preferences (null = never); applies to the next copy. */
  setClearAfter(ms: number | null): void {
    this.clearAfterMs = ms;
  }

  async copyCode(id: AccountId): Promise<{ clearsAt: number | null }> {
    const { code } = this.codes.current(id);
    try {
      if (this.clipboard.writeSecret) await this.clipboard.writeSecret(code);
      else await this.clipboard.writeText(code);
    } catch {
      throw new LatchkeyError('clipboard.unavailable');
    }
    this.#onClipboard = code;
    const now = this.clock.now();
    await this.accounts.update(id, (a) => ({ ...a, lastUsedAt: now, useCount: a.useCount + 1 }));
    if (this.#pendingClear !== null) this.timers.clearTimeout(this.#pendingClear);
    if (this.clearAfterMs === null) return { clearsAt: null };
    this.#pendingClear = this.timers.setTimeout(() => {
      this.#pendingClear = null;
      void this.#clearIfStill(code);
    }, this.clearAfterMs);
    return { clearsAt: now + this.clearAfterMs };
  }

  /**
   * On lock and on quit: wipes the clipboard now if it still holds the code we put there (a
   * user's later copy survives), instead of leaving it for the timer or for ever.
   */
  async wipeNow(): Promise<void> {
    if (this.#pendingClear !== null) this.timers.clearTimeout(this.#pendingClear);
    this.#pendingClear = null;
    const code = this.#onClipboard;
    if (code !== null) await this.#clearIfStill(code);
  }

  async #clearIfStill(code: string): Promise<void> {
    if (this.#onClipboard === code) this.#onClipboard = null;
    try {
      if ((await this.clipboard.readText()) === code) await this.clipboard.writeText('');
    } catch {
      // The clipboard went away (display closed); there is nothing left to wipe.
    }
  }
}
