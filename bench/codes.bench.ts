import { createHmac } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { SecretAccount } from '../src/core/common/model';
import type { AccountRepository } from '../src/node/services/account-repository';
import { CodesService } from '../src/node/services/codes-service';
import { PreparedCodes } from '../src/node/services/prepared-codes';
import type { HashAlgorithm, OtpParams } from '../src/shared/account';
import { summarize, type BenchRow } from './harness';
import { seeded } from '../tests/support/seeded';

/**
 * One tick of the code list in main (src/node/services/prepared-codes.ts, what CodesService
 * runs) over 10,000 mixed accounts (TOTP with every algorithm/digits/period mix, HOTP, Steam).
 * - cold tick: every account seen for the first time, as just after unlocking; judged against
 *   the bare HMAC floor (node:crypto, one HMAC per account), sampled alternately with it
 *   (A/B/A/B) so the machine's load hits both alike.
 * - steady ticks: one a second over three 30 s boundaries: what the app does (CodesService.list
 *   with the ids of the 60 rows on screen, out of the 10,000), and every account (the worst
 *   case, also as process CPU time, which a busy machine does not inflate).
 */
const ACCOUNTS = 10_000;
const SCREENFUL = 60;
/** 90 one-second ticks cover three 30 s boundaries (and the 5 s `next` look-ahead before each). */
const STEADY_TICKS = 90;
const COLD_PAIRS = 15;
const PERIOD_MS = 30_000;

type BenchAccount = { id: string; otp: OtpParams; secret: Uint8Array };

function accounts(): BenchAccount[] {
  const random = seeded(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const algorithms: readonly HashAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];
  return Array.from({ length: ACCOUNTS }, (_, i) => {
    const secret = new Uint8Array(pick([10, 20, 32, 64]));
    for (let j = 0; j < secret.length; j++) secret[j] = Math.floor(random() * 256);
    const kind = random();
    const otp: OtpParams =
      kind < 0.8
        ? {
            type: 'totp',
            algorithm: pick(algorithms),
            digits: pick([6, 6, 6, 7, 8, 10]),
            period: pick([30, 30, 30, 15, 60, 90]),
          }
        : kind < 0.9
          ? {
              type: 'hotp',
              algorithm: pick(algorithms),
              digits: 6,
              counter: Math.floor(random() * 1e6),
            }
          : { type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 };
    return { id: `acc-${i}`, otp, secret };
  });
}

// A full GC before each timed sample, so garbage made outside the timing (the fresh key copies)
// is not collected inside it, for the tick and the HMAC floor alike.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const elapsed = (fn: () => void): number => {
  collect();
  const start = performance.now();
  fn();
  return performance.now() - start;
};

/** Process CPU milliseconds of `fn`: what the tick costs, whatever else the machine runs. */
const cpu = (fn: () => void): number => {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

export default async (): Promise<BenchRow[]> => {
  const list = accounts();
  const screen = list.slice(0, SCREENFUL);
  let now = 1_764_460_800_000;
  let sink = 0;
  const tick = (codes: PreparedCodes, items: readonly BenchAccount[]) => {
    for (const account of items) sink += codes.view(account, now).code.length;
  };

  // Cold: a fresh PreparedCodes and fresh key arrays (made outside the timing) per sample.
  const message = Buffer.alloc(8);
  const hmacFloor = () => {
    for (const account of list) {
      const hash = account.otp.algorithm.toLowerCase();
      sink += createHmac(hash, account.secret).update(message).digest().length;
    }
  };
  const cold: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < COLD_PAIRS + 1; i++) {
    const fresh = list.map((a) => ({ ...a, secret: Uint8Array.from(a.secret) }));
    const codes = new PreparedCodes();
    const c = elapsed(() => tick(codes, fresh));
    const f = elapsed(hmacFloor);
    now += 7_919; // a different moment in the period each time
    if (i === 0) continue; // warm-up pair
    cold.push(c);
    floor.push(f);
  }

  // Steady: warm over a whole 90 s cycle so every key has passed its warm-up moment once.
  // The app's tick: CodesService.list with the ids of a screenful of rows, over the whole vault.
  const all = new PreparedCodes();
  const vault = { list: () => list as unknown as readonly SecretAccount[] };
  const service = new CodesService(vault as AccountRepository, { now: () => now });
  const ids = screen.map((a) => a.id);
  for (let i = 0; i < 90; i++) {
    now += 1000;
    tick(all, list);
    sink += service.list(ids).length;
  }
  const steadyAll: number[] = [];
  const steadyAllCpu: number[] = [];
  const steadyScreen: number[] = [];
  for (let i = 0; i < STEADY_TICKS; i++) {
    now += 1000;
    steadyAll.push(elapsed(() => steadyAllCpu.push(cpu(() => tick(all, list)))));
    steadyScreen.push(elapsed(() => (sink += service.list(ids).length)));
  }
  if (sink === 0) throw new Error('benchmark produced nothing');

  const coldS = summarize(cold);
  const floorS = summarize(floor);
  const all_ = summarize(steadyAll);
  const allCpu = summarize(steadyAllCpu);
  const screen_ = summarize(steadyScreen);
  const steadyCase = `${ACCOUNTS} mixed accounts, steady 1 s ticks, every account`;
  const screenCase = `${ACCOUNTS} mixed accounts, steady 1 s ticks, the rows on screen (${SCREENFUL}, codes:list)`;
  const coldCase = `${ACCOUNTS} mixed accounts, cold tick (first view after unlock)`;
  const vsPeriod = (kase: string, metric: string, value: number, budget?: number): BenchRow => ({
    bench: 'codes',
    case: kase,
    metric,
    value,
    unit: 'ms',
    baseline: { name: '30 s period', value: PERIOD_MS },
    ratio: value / PERIOD_MS,
    ...(budget === undefined ? {} : { budget: `≤ ${budget} ms`, withinBudget: value <= budget }),
  });
  return [
    vsPeriod(screenCase, 'median (wall)', screen_.median),
    vsPeriod(screenCase, 'p95 (wall)', screen_.p95, 10),
    vsPeriod(steadyCase, 'median (wall)', all_.median),
    vsPeriod(steadyCase, 'p95 (wall)', all_.p95),
    vsPeriod(steadyCase, 'p95 (CPU)', allCpu.p95),
    vsPeriod(steadyCase, `max of ${STEADY_TICKS} (wall)`, Math.max(...steadyAll)),
    {
      bench: 'codes',
      case: coldCase,
      metric: 'median (wall)',
      value: coldS.median,
      unit: 'ms',
      baseline: { name: 'bare HMAC per account (node:crypto)', value: floorS.median },
      ratio: coldS.median / floorS.median,
      budget: '≤ ×1.5',
      withinBudget: coldS.median / floorS.median <= 1.5,
    },
    {
      bench: 'codes',
      case: coldCase,
      metric: 'p95 (wall)',
      value: coldS.p95,
      unit: 'ms',
      baseline: { name: 'bare HMAC per account (node:crypto)', value: floorS.p95 },
      ratio: coldS.p95 / floorS.p95,
    },
  ];
};
