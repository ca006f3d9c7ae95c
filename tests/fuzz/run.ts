import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { isLatchkeyError } from '../../src/shared/errors';
import { seeded } from '../support/seeded';
import { buildTargets } from './targets';

/**
 * `npm run fuzz`: ≥ 10,000 mutated or generated inputs per parser (issue 10). A case fails when
 * it throws anything but a LatchkeyError, takes over 2 s, or raises the process's peak memory
 * by more than 256 MB. Every case has its own seed derived from (run seed, parser, index), so
 * one failure replays alone: `npm run fuzz -- --seed S --parser P --case I`.
 */

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    cases: { type: 'string', default: '10000' },
    parser: { type: 'string' },
    case: { type: 'string' },
    report: { type: 'string' },
    /** Prints each case index before running it: finds the case that hangs. */
    trace: { type: 'boolean', default: false },
  },
});

const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
const cases = Number(values.cases);
const MAX_CASE_MS = 2000;
const MAX_GROWTH_MB = 256;
const MAX_FAILURES_PER_PARSER = 5;

/** FNV-1a over the three numbers: a stable per-case seed. */
function caseSeed(runSeed: number, parser: string, index: number): number {
  let h = 0x811c9dc5;
  for (const c of `${runSeed}/${parser}/${index}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

interface Failure {
  parser: string;
  index: number;
  reason: string;
}

const peakMb = () => process.resourceUsage().maxRSS / 1024;

async function fuzz(): Promise<void> {
  const targets = buildTargets().filter(
    (t) => values.parser === undefined || t.name === values.parser,
  );
  if (targets.length === 0) throw new Error(`no parser named ${values.parser}`);
  const only = values.case !== undefined ? Number(values.case) : null;
  console.log(
    `fuzz: seed ${seed}, ${only === null ? cases : 1} case(s) per parser, ${targets.length} parsers`,
  );
  const failures: Failure[] = [];
  const started = performance.now();
  let total = 0;
  for (const target of targets) {
    const targetStarted = performance.now();
    let baseline = peakMb();
    const start = baseline;
    let slowest = 0;
    let slowestIndex = 0;
    let mine = 0;
    const indexes = only === null ? Array.from({ length: cases }, (_, i) => i) : [only];
    for (const index of indexes) {
      const s = caseSeed(seed, target.name, index);
      const fail = (reason: string) => {
        failures.push({ parser: target.name, index, reason });
        console.log(
          `FAIL ${target.name} case ${index} (replay: npm run fuzz -- --seed ${seed} --parser ${target.name} --case ${index}): ${reason}`,
        );
        mine++;
      };
      const input = target.make(seeded(s), s);
      if (values.trace) console.log(`case ${index}`);
      const t0 = performance.now();
      try {
        await target.run(input);
      } catch (error) {
        if (!isLatchkeyError(error))
          fail(
            `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
          );
      }
      const ms = performance.now() - t0;
      if (ms > slowest) [slowest, slowestIndex] = [ms, index];
      if (ms > MAX_CASE_MS) fail(`took ${Math.round(ms)} ms`);
      const growth = peakMb() - baseline;
      if (growth > MAX_GROWTH_MB) {
        fail(`raised peak memory by ${Math.round(growth)} MB`);
        baseline = peakMb(); // the peak never falls: blame only the case that raised it
      }
      total++;
      if (mine >= MAX_FAILURES_PER_PARSER) break;
    }
    const seconds = ((performance.now() - targetStarted) / 1000).toFixed(1);
    console.log(
      `${mine === 0 ? 'ok  ' : 'FAIL'}  ${target.name}: ${indexes.length} cases in ${seconds} s, slowest ${Math.round(slowest)} ms (case ${slowestIndex}), peak memory +${Math.round(peakMb() - start)} MB`,
    );
  }
  const failed = new Set(failures.map((f) => f.parser)).size;
  const seconds = (performance.now() - started) / 1000;
  const report = {
    seed,
    cases: total,
    seconds,
    passed: targets.length - failed,
    failed,
    skipped: 0,
    failures,
  };
  if (values.report) {
    mkdirSync(dirname(values.report), { recursive: true });
    writeFileSync(values.report, JSON.stringify(report, null, 2));
  }
  console.log(`\nfuzz: ${total} cases in ${seconds.toFixed(1)} s (seed ${seed})`);
  console.log(`${report.passed} passed, ${report.failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

await fuzz();
