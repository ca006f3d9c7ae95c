import { createServices, type Ports, type Services } from '../src/node/services/container';
/**
 * The benchmark frame: each `bench/*.bench.ts` default-exports a function returning rows.
 * A row is a measurement, optionally with the baseline or peer measured in the same run
 * and the budget it is judged against (docs/testing.md, Benchmarks: ratios, not absolute times).
 */
/**
 * The main-side services as the app builds them, on a data folder of the bench's own, with
 * no-op clipboard and events and no keychain: what every bench that needs a vault starts from.
 */
export function benchServices(dir: string, vaultOptions?: Ports['vaultOptions']): Services {
  return createServices({
    clipboard: { writeText: async () => {}, readText: async () => '' },
    events: { emit: () => {} },
    appVersion: 'bench',
    dataDir: dir,
    keychain: null,
    ...(vaultOptions && { vaultOptions }),
  });
}

export interface BenchRow {
  readonly bench: string;
  readonly case: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** The baseline or peer measured in the same run, in the same unit. */
  readonly baseline?: { readonly name: string; readonly value: number };
  /** value / baseline.value, or value / a reference such as the period. */
  readonly ratio?: number;
  readonly budget?: string;
  readonly withinBudget?: boolean;
}

export type Bench = () => Promise<readonly BenchRow[]>;

/** Median and 95th percentile of repeated timings, in milliseconds. */
export function summarize(samplesMs: readonly number[]): { median: number; p95: number } {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

/** Times `fn` `runs` times after `warmup` unmeasured runs; milliseconds per run. */
export async function time(fn: () => unknown, runs: number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}
