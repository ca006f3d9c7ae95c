import { LatchkeyError } from '../../../shared/errors';

/**
 * The vault's single writer queue. Saves never overlap; changes requested while a save runs
 * are applied together and written once (coalesced). Each change's promise settles with the
 * save that carried it, and the in-memory state moves only after that save succeeded.
 */
interface Job<S> {
  readonly change: (state: S) => S;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export interface SaveQueueHooks<S> {
  current(): S | null;
  save(next: S): Promise<void>;
  commit(next: S): void;
}

export class SaveQueue<S> {
  readonly #hooks: SaveQueueHooks<S>;
  #pending: Job<S>[] = [];
  #running: Promise<void> | null = null;

  constructor(hooks: SaveQueueHooks<S>) {
    this.#hooks = hooks;
  }

  enqueue(change: (state: S) => S): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ change, resolve, reject });
      this.#running ??= this.#run();
    });
  }

  /** Resolves once every queued save has finished (successfully or not). */
  async drain(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #run(): Promise<void> {
    // Let changes issued in the same tick join the first save.
    await Promise.resolve();
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0);
      let state = this.#hooks.current();
      const carried: Job<S>[] = [];
      for (const job of batch) {
        if (state === null) {
          job.reject(new LatchkeyError('vault.locked'));
          continue;
        }
        try {
          state = job.change(state);
          carried.push(job);
        } catch (error) {
          job.reject(error);
        }
      }
      if (carried.length === 0 || state === null) continue;
      try {
        await this.#hooks.save(state);
        this.#hooks.commit(state);
        for (const job of carried) job.resolve();
      } catch (error) {
        for (const job of carried) job.reject(error);
      }
    }
    this.#running = null;
  }
}
