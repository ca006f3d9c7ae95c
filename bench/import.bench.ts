import { InMemoryAccountRepository } from '../tests/unit/node/in-memory-account-repository';
import { noDialogs } from '../src/node/services/dialog-port';
import { ImportService } from '../src/node/services/import-service';
import { StagingArea } from '../src/node/services/staging-area';
import { seeded } from '../tests/support/seeded';
import { type BenchRow, summarize } from './harness';

/**
 * Import into the app (issue 16 "imports", issue 10 finding 4): a file of otpauth links read
 * and staged for the preview by the real ImportService, with 1,000 accounts already in the
 * vault for the duplicate check. Targets: 40,000 links cost ≤ 12× the 4,000-link time in the
 * same run (linear), and no main-thread task longer than 50 ms while it runs. The longest task
 * is measured in the same process with a timer-drift monitor: a 1 ms timer re-armed from its
 * own callback, whose largest lateness is the longest stretch the loop could not run.
 */
const ROUNDS = 3;
const EXISTING = 1_000;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function linkFile(count: number): string {
  const random = seeded(count);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    let secret = '';
    for (let c = 0; c < 32; c++) secret += ALPHABET[Math.floor(random() * 32)];
    lines.push(
      `otpauth://totp/Service${i}:user${i}%40example.com?secret=${secret}&issuer=Service${i}`,
    );
  }
  return lines.join('\n');
}

async function services() {
  const accounts = new InMemoryAccountRepository();
  await accounts.addMany(
    Array.from({ length: EXISTING }, (_, i) => ({
      issuer: `Existing ${i}`,
      name: 'me',
      otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 } as const,
      secret: Uint8Array.from({ length: 20 }, (_, b) => (i * 7 + b * 31) & 0xff),
    })),
    0,
  );
  const staging = new StagingArea(accounts, { now: () => 0 });
  return new ImportService(noDialogs, staging, async () => []);
}

/** Starts the drift monitor; `stop()` gives the longest gap between two ticks, in ms. */
function driftMonitor(): { stop: () => number } {
  let last = performance.now();
  let longest = 0;
  let timer: NodeJS.Timeout;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  return {
    stop: () => {
      clearTimeout(timer);
      return Math.max(longest, performance.now() - last);
    },
  };
}

async function importOnce(text: string): Promise<{ ms: number; longestTaskMs: number }> {
  const imports = await services();
  const file = imports.openText(text);
  const monitor = driftMonitor();
  const started = performance.now();
  const view = await imports.read(file.token, undefined);
  const ms = performance.now() - started;
  const longestTaskMs = monitor.stop();
  if (view.items.length === 0) throw new Error('nothing staged');
  return { ms, longestTaskMs };
}

export default async function importBench(): Promise<BenchRow[]> {
  const small = linkFile(4_000);
  const large = linkFile(40_000);
  await importOnce(small); // warm-up: JIT, first allocations
  const smallRuns: number[] = [];
  const largeRuns: number[] = [];
  let longest = 0;
  for (let round = 0; round < ROUNDS; round++) {
    smallRuns.push((await importOnce(small)).ms);
    const run = await importOnce(large);
    largeRuns.push(run.ms);
    longest = Math.max(longest, run.longestTaskMs);
  }
  const four = summarize(smallRuns).median;
  const forty = summarize(largeRuns).median;
  return [
    {
      bench: 'import',
      case: '4,000 links',
      metric: 'read + stage, median',
      value: four,
      unit: 'ms',
    },
    {
      bench: 'import',
      case: '40,000 links',
      metric: 'read + stage, median',
      value: forty,
      unit: 'ms',
      baseline: { name: '4,000 links', value: four },
      ratio: forty / four,
      budget: '≤ ×12 (linear)',
      withinBudget: forty / four <= 12,
    },
    {
      bench: 'import',
      case: '40,000 links',
      metric: 'longest main-thread task',
      value: longest,
      unit: 'ms',
      budget: '≤ 50 ms',
      withinBudget: longest <= 50,
    },
  ];
}
