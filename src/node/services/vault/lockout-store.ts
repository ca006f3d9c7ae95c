import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically, writeFileDurably } from './fs-durable';

/**
 * Wrong-password lockout, kept in its own small file so it survives restarts (DESIGN.md §3).
 *
 * Policy: 5 free wrong attempts; after the 6th in a row a wait of 30 s, doubling with each
 * further failure, capped at one hour. A failure is recorded (fsynced) BEFORE the KDF runs, so
 * killing the app mid-attempt still counts.
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
   * The end of the current wait, or null when an attempt may run now. Re-anchors the record
   * when the clock went backwards (see the file comment); pass `readOnly` to only compute.
   */
  async check(readOnly = false): Promise<{ until: number } | null> {
    const record = await this.read();
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
  async recordAttempt(): Promise<void> {
    const record = await this.read();
    const now = this.#now();
    await this.#write({ failures: record.failures + 1, lastFailureAt: now });
    this.#seen = { wall: now, mono: this.#monotonic() };
  }

  /**
   * Clears the count after a right password. Not fsynced: if a power cut loses this write, the
   * old count comes back, which errs on the strict side and saves an fsync on every unlock.
   */
  async reset(): Promise<void> {
    const record = await this.read();
    if (record.failures !== 0) await this.#write(EMPTY, false);
    this.#seen = null;
  }

  async #write(record: LockoutRecord, durable = true): Promise<void> {
    const text = JSON.stringify({ version: 1, ...record });
    const bytes = Buffer.from(`${text}\n`, 'utf8');
    if (durable) await writeFileDurably(this.path, bytes);
    else await writeFileAtomically(this.path, bytes);
  }
}
