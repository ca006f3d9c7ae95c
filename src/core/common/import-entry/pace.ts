import { LatchkeyError } from '../../../shared/errors/index';

/**
 * Long imports run on main's event loop, next to auto-lock and the page's requests. A pacer is
 * called between units of work and hands the loop back (one macrotask) whenever the current
 * slice has used its budget, so no single slice blocks much longer than `sliceMs`; it also ends
 * the work with `import.cancelled` as soon as the signal is aborted.
 */
export type Pacer = (done: number, total: number) => Promise<void> | null;

/** Checks the clock only every few calls: one unit is microseconds, performance.now() is not free. */
const CHECK_EVERY = 32;

export function timeSlicer(
  options: { sliceMs?: number; signal?: AbortSignal; now?: () => number } = {},
): Pacer {
  const { sliceMs = 15, signal, now = () => performance.now() } = options;
  let started = now();
  let calls = 0;
  const turn = () =>
    new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => {
      if (signal?.aborted) throw new LatchkeyError('import.cancelled');
      started = now();
    });
  return () => {
    if (signal?.aborted) throw new LatchkeyError('import.cancelled');
    if (++calls % CHECK_EVERY !== 0 || now() - started < sliceMs) return null;
    return turn();
  };
}

/** A pacer that never pauses (the CLI, tests): the work runs in one go. */
export const unpaced: Pacer = () => null;

/** Runs `work` for every item, pacing between items. */
export async function forEachPaced<T>(
  items: readonly T[],
  pace: Pacer,
  work: (item: T, index: number) => void,
): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    work(items[i]!, i);
    const pause = pace(i + 1, items.length);
    if (pause) await pause;
  }
}
