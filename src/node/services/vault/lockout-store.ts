import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import type { Kdf } from '../../../core/node/vault/kdf';
import { LatchkeyError } from '../../../shared/errors';
import { writeFileAtomically, writeFileDurably } from './fs-durable';
import { passwordCredential, type Credential } from './unlock-credential';

/**
 * Wrong-password lockout, kept in its own small file so it survives restarts (docs/vault-format.md).
 *
 * Policy: 5 free wrong attempts; after the 6th in a row a wait of 30 s, doubling with each
 * further failure, capped at one hour. A failure is recorded (fsynced) BEFORE the KDF runs, so
 * killing the app mid-attempt still counts. An attempt refused during a wait is counted too (it
 * is a guess all the same) but leaves the failure time alone, so it lengthens the wait.
 *
 * Every password check — unlock, re-authentication, the command line, importing a Latchkey
 * file — goes through `attempt()`, which holds an exclusive cross-process lock on the record
 * from the check to the reset: N parallel wrong guesses are N recorded failures and at most
 * `freeFailures + 1` of them ever reach the KDF before a wait.
 *
 * Clocks: only the wall clock survives a restart, so we store the last failure's wall time.
 * - Clock turned back (now < stored time): the elapsed time is unknowable, so the wait counts as
 *   not yet started; we re-anchor the record to now, and the full wait runs from here. Turning
 *   the clock back therefore never shortens a wait (and cannot lock a user out for the size of
 *   the jump, as "wait until stored time + wait" would after fixing a clock set years ahead).
 * - Clock turned forward: across a restart we cannot tell; within one run we also measure with
 *   the monotonic clock and take the smaller elapsed time.
 */
export const LOCKOUT_FILE = 'lockout.json';

export const LOCKOUT_POLICY = {
  freeFailures: 5,
  firstWaitMs: 30_000,
  maxWaitMs: 60 * 60_000,
} as const;

export interface LockoutRecord {
  readonly failures: number;
  /** Wall-clock Unix ms of the last recorded failure. */
  readonly lastFailureAt: number;
}

const EMPTY: LockoutRecord = { failures: 0, lastFailureAt: 0 };

/** How long to wait after `failures` wrong passwords in a row. */
export function lockoutWaitMs(failures: number): number {
  const over = failures - LOCKOUT_POLICY.freeFailures - 1;
  if (over < 0) return 0;
  return Math.min(LOCKOUT_POLICY.maxWaitMs, LOCKOUT_POLICY.firstWaitMs * 2 ** Math.min(over, 30));
}

function parseRecord(text: string): LockoutRecord {
  try {
    const value = JSON.parse(text) as Partial<Record<string, unknown>>;
    const { failures, lastFailureAt } = value;
    if (
      value.version === 1 &&
      typeof failures === 'number' &&
      Number.isInteger(failures) &&
      failures >= 0 &&
      typeof lastFailureAt === 'number' &&
      Number.isFinite(lastFailureAt)
    ) {
      return { failures, lastFailureAt };
    }
  } catch {
    // fall through: an unreadable record counts as none (only someone with file access can damage it)
  }
  return EMPTY;
}

/**
 * The cross-process lock (proper-lockfile: an atomic mkdir of `lockout.json.lock`, refreshed
 * while held and taken over once stale, so a killed holder cannot wedge every later attempt).
 * `stale` is generous because a holder may be running scrypt; waiting processes poll.
 */
const LOCK_OPTIONS = {
  realpath: false,
  stale: 30_000,
  update: 5_000,
  retries: { retries: 400, minTimeout: 10, maxTimeout: 200, factor: 1.3 },
  // Losing the lock (the holder was frozen past `stale`) must not crash the holder.
  onCompromised: () => undefined,
} as const;

/** Attempts of this process, per lockout file: one at a time, without polling the lock. */
const inProcess = new Map<string, Promise<unknown>>();

export class LockoutStore {
  readonly path: string;
  readonly #now: () => number;
  readonly #monotonic: () => number;
  /** Monotonic time of the failure this process recorded last, with its wall time. */
  #seen: { wall: number; mono: number } | null = null;

  constructor(dir: string, now: () => number, monotonic: () => number = () => performance.now()) {
    this.path = join(dir, LOCKOUT_FILE);
    this.#now = now;
    this.#monotonic = monotonic;
  }

  async read(): Promise<LockoutRecord> {
    try {
      return parseRecord(await readFile(this.path, 'utf8'));
    } catch {
      return EMPTY;
    }
  }

  /**
   * The one password path: check the wait → record a failure (fsynced) → run → reset when the
   * password proved right, all under the exclusive lock. An empty password is a usage error and
   * never touches the record. `run` gets the password as a credential; its KDF runs are the
   * only ones a guess can cause.
   */
  async attempt<T>(
    password: string,
    kdf: Kdf,
    run: (credential: Credential) => Promise<T>,
  ): Promise<T> {
    if (password.length === 0) throw new LatchkeyError('vault.password-empty');
    const previous = inProcess.get(this.path) ?? Promise.resolve();
    const current = previous.then(() =>
      this.#locked(() => this.#attemptLocked(password, kdf, run)),
    );
    const settled = current.catch(() => undefined);
    inProcess.set(this.path, settled);
    void settled.then(() => {
      if (inProcess.get(this.path) === settled) inProcess.delete(this.path);
    });
    return current;
  }

  /** The end of the current wait, or null when an attempt may run now. Writes nothing. */
  async check(): Promise<{ until: number } | null> {
    return this.#waitFor(await this.read(), true);
  }

  /** Clears the count (a new vault was created, or the vault was erased). */
  async reset(): Promise<void> {
    await this.#locked(() => this.#reset());
  }

  async #attemptLocked<T>(
    password: string,
    kdf: Kdf,
    run: (credential: Credential) => Promise<T>,
  ): Promise<T> {
    const record = await this.read();
    const wait = await this.#waitFor(record, false);
    if (wait) {
      // Counted, but the failure time stays: the wait grows, the KDF never runs.
      const again = await this.read();
      await this.#write({ failures: again.failures + 1, lastFailureAt: again.lastFailureAt });
      throw new LatchkeyError('vault.locked-out', { details: { until: wait.until } });
    }
    await this.#recordFailure();
    const credential = passwordCredential(password, kdf);
    try {
      return await run(credential);
    } finally {
      if (credential.proven) await this.#reset();
      credential.dispose();
    }
  }

  async #waitFor(record: LockoutRecord, readOnly: boolean): Promise<{ until: number } | null> {
    const wait = lockoutWaitMs(record.failures);
    if (wait === 0) return null;
    const now = this.#now();
    if (now < record.lastFailureAt) {
      if (!readOnly) await this.#write({ failures: record.failures, lastFailureAt: now });
      return { until: now + wait };
    }
    let elapsed = now - record.lastFailureAt;
    if (this.#seen && this.#seen.wall === record.lastFailureAt) {
      elapsed = Math.min(elapsed, this.#monotonic() - this.#seen.mono);
    }
    return elapsed < wait ? { until: now + (wait - elapsed) } : null;
  }

  /** Counts one more failure, durably, before the password is even tried. */
  async #recordFailure(): Promise<void> {
    const record = await this.read();
    const now = this.#now();
    await this.#write({ failures: record.failures + 1, lastFailureAt: now });
    this.#seen = { wall: now, mono: this.#monotonic() };
  }

  /**
   * Not fsynced: if a power cut loses this write, the old count comes back, which errs on the
   * strict side and saves an fsync on every unlock.
   */
  async #reset(): Promise<void> {
    const record = await this.read();
    if (record.failures !== 0) await this.#write(EMPTY, false);
    this.#seen = null;
  }

  async #locked<T>(body: () => Promise<T>): Promise<T> {
    let release: () => Promise<void>;
    try {
      release = await lock(this.path, LOCK_OPTIONS);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code ?? 'lock';
      if (code === 'ELOCKED') throw new LatchkeyError('vault.lockout-busy');
      // The folder cannot take the lock (read-only, gone): no attempt without its record.
      throw new LatchkeyError('vault.write-failed', { details: { reason: code } });
    }
    try {
      return await body();
    } finally {
      await release().catch(() => undefined);
    }
  }

  async #write(record: LockoutRecord, durable = true): Promise<void> {
    const text = JSON.stringify({ version: 1, ...record });
    const bytes = Buffer.from(`${text}\n`, 'utf8');
    if (durable) await writeFileDurably(this.path, bytes);
    else await writeFileAtomically(this.path, bytes);
  }
}
