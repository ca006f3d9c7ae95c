import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench, BenchRow } from './harness';

// Runs every bench/*.bench.ts (or those named on the command line), prints one table and
// writes a dated copy of the results; a whole run also writes bench/results/latest.json and
// the README's benchmark table (scripts/bench-table.mjs).
const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const rows: BenchRow[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: Bench };
  process.stderr.write(`bench: ${file}\n`);
  rows.push(...(await mod.default()));
}

const fmt = (n: number | undefined) =>
  n === undefined
    ? ''
    : Math.abs(n) >= 100
      ? n.toFixed(0)
      : Math.abs(n) >= 1
        ? n.toFixed(2)
        : n.toFixed(4);
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
  const { writeBenchTable } = (await import(
    pathToFileURL(join(here, '..', 'scripts', 'bench-table.mjs')).href
  )) as { writeBenchTable: (report: unknown) => Promise<void> };
  await writeBenchTable(JSON.parse(report));
}
