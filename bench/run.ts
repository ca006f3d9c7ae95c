import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench, BenchRow } from './harness';

// Runs every bench/*.bench.ts (or those named on the command line), prints one table and
// writes a dated copy of the results; a whole run also writes bench/results/latest.json and
// the README's benchmark table (scripts/bench-table.mjs).
//
// Each bench file runs in a fresh process of its own (`--one <file>`, rows back as JSON on
// stdout): a bench must not inherit another's heap, JIT state or leftover timers. Measured:
// the vault unlock row at 10,000 accounts took 48 ms alone and 66-99 ms after the memory
// bench had run in the same process.
const here = dirname(fileURLToPath(import.meta.url));
const ONE = '--one';

if (process.argv[2] === ONE) {
  const mod = (await import(pathToFileURL(join(here, process.argv[3]!)).href)) as {
    default: Bench;
  };
  process.stdout.write(JSON.stringify(await mod.default()));
  process.exit(0);
}

const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const rows: BenchRow[] = [];
for (const file of files) {
  process.stderr.write(`bench: ${file}\n`);
  // The same Node and loader flags (tsx) as this process, so the child runs TypeScript too.
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), ONE, file],
    { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(`${file} failed (exit ${child.status})`);
  rows.push(...(JSON.parse(child.stdout) as BenchRow[]));
}

// One number format for the printed table and the README's (scripts/bench-table.mjs).
const { fmt, writeBenchTable } = (await import(
  pathToFileURL(join(here, '..', 'scripts', 'bench-table.mjs')).href
)) as {
  fmt: (n: number | undefined) => string;
  writeBenchTable: (report: unknown) => Promise<void>;
};
const table = rows.map((r) => [
  r.bench,
  r.case,
  r.metric,
  `${fmt(r.value)} ${r.unit}`,
  r.baseline ? `${r.baseline.name}: ${fmt(r.baseline.value)} ${r.unit}` : '',
  r.ratio === undefined ? '' : `×${fmt(r.ratio)}`,
  r.budget ?? '',
  r.withinBudget === undefined ? '' : r.withinBudget ? 'ok' : 'OVER',
]);
const header = ['bench', 'case', 'metric', 'value', 'baseline/peer', 'ratio', 'budget', ''];
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) =>
  cells
    .map((c, i) => c.padEnd(widths[i]!))
    .join('  ')
    .trimEnd();
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));

const out = join(here, 'results');
mkdirSync(out, { recursive: true });
const report = JSON.stringify(
  { date: new Date().toISOString(), node: process.version, rows },
  null,
  2,
);
writeFileSync(join(out, `${new Date().toISOString().slice(0, 10)}.json`), report);
// latest.json and the README table only from a whole run, so every row there is from one run.
if (only.length === 0) {
  writeFileSync(join(out, 'latest.json'), report);
  await writeBenchTable(JSON.parse(report));
}
