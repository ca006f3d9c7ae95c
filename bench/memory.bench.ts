import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createBridge } from '../src/node/ipc/handlers';
import { dispatch } from '../src/node/ipc/dispatch';
import { scryptKdf, type Kdf } from '../src/core/node/vault/kdf';
import { benchServices, type BenchRow } from './harness';

/**
 * Main-process (services) memory with 10,000 accounts: the V8 heap in use after a full GC,
 * unlocked (with the page's first snapshot and a screenful of codes served) against the same
 * process locked; then, after 10 warm-up cycles, 100 lock/unlock cycles, each serving the
 * snapshot and a code tick, and the heap after the last against the heap before them (it must
 * not grow). The page's heap
 * is reported by ui-load.bench.ts. scrypt runs once per salt; the rest is the real unlock.
 */
const ACCOUNTS = 10_000;
const CYCLES = 100;
const WARM_UP = 10;
const PASSWORD = 'benchmark password';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const heapMiB = (): number => {
  collect();
  collect();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

export default async function memoryBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-bench-memory-'));
  const known = new Map<string, Buffer>();
  const kdf: Kdf = async (password, params) => {
    const id = Buffer.from(params.salt).toString('hex');
    const key = known.get(id) ?? (await scryptKdf(password, params));
    known.set(id, Buffer.from(key));
    return Buffer.from(key);
  };
  const services = benchServices(dir, { kdf });
  const bridge = createBridge(services);
  const call = async (name: 'codes:snapshot' | 'codes:list', args: object) => {
    const result = await dispatch(bridge, name, args, () => {});
    if (!result.ok) throw new Error(`${name} failed`);
    return result.value;
  };
  try {
    await services.vault.create({ keychain: false, password: PASSWORD });
    await services.accounts.addMany(
      Array.from({ length: ACCOUNTS }, (_, i) => ({
        issuer: `Service ${i}`,
        name: `user${i}@example.com`,
        otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 } as const,
        secret: randomBytes(20),
      })),
      Date.now(),
    );
    const cycle = async () => {
      await services.lockNow('user');
      await services.vault.unlockWithPassword(PASSWORD);
      services.unlocked();
      const { accounts } = (await call('codes:snapshot', {})) as { accounts: { id: string }[] };
      await call('codes:list', { ids: accounts.slice(0, 60).map((a) => a.id) });
    };
    await cycle();
    const unlocked = heapMiB();
    await services.lockNow('user');
    const locked = heapMiB();
    // Ten cycles first: the first ones grow the heap with JIT code and caches, once.
    for (let i = 0; i < WARM_UP; i++) await cycle();
    const first = heapMiB();
    const trail: number[] = [];
    for (let i = 1; i <= CYCLES; i++) {
      await cycle();
      if (i % 25 === 0) trail.push(heapMiB());
    }
    const last = trail.at(-1)!;
    process.stderr.write(
      `memory: heap every 25 cycles ${trail.map((m) => m.toFixed(2)).join(' ')}\n`,
    );
    return [
      {
        bench: 'memory',
        case: `main-process heap, ${ACCOUNTS.toLocaleString('en')} accounts unlocked (after GC)`,
        metric: 'used',
        value: unlocked,
        unit: 'MiB',
        baseline: { name: 'same process, locked', value: locked },
        ratio: unlocked / locked,
      },
      {
        bench: 'memory',
        case: `main-process heap after ${CYCLES} lock/unlock cycles, ${ACCOUNTS.toLocaleString('en')} accounts`,
        metric: 'used',
        value: last,
        unit: 'MiB',
        baseline: { name: `after ${WARM_UP} warm-up cycles`, value: first },
        ratio: last / first,
        budget: 'no growth (≤ ×1.02)',
        withinBudget: last / first <= 1.02,
      },
    ];
  } finally {
    await services.lockNow('user').catch(() => undefined);
    services.autoLock.disarm();
    rmSync(dir, { recursive: true, force: true });
  }
}
