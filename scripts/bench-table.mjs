#!/usr/bin/env node
// Writes the README's benchmark table from bench/results/latest.json, between the markers
// <!-- bench-table:start --> and <!-- bench-table:end -->. `npm run bench` runs it after every
// run; `node scripts/bench-table.mjs` redoes it from the saved results.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const START = '<!-- bench-table:start -->';
const END = '<!-- bench-table:end -->';

/** A measured number as every bench table shows it: 3 significant-ish digits. */
export const fmt = (n) =>
  n === undefined || n === null
    ? ''
    : Math.abs(n) >= 100
      ? n.toFixed(0)
      : Math.abs(n) >= 1
        ? n.toFixed(2)
        : n.toFixed(4);
const cell = (text) => String(text).replace(/\|/g, '\\|');

export function benchTable(report) {
  const lines = [
    `Last run: ${report.date.slice(0, 16).replace('T', ' ')} UTC, Node ${report.node}.`,
    '',
    '| bench | case | metric | value | baseline / peer (same run) | ratio | target | met |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of report.rows) {
    const baseline = r.baseline ? `${r.baseline.name}: ${fmt(r.baseline.value)} ${r.unit}` : '';
    const ratio = r.ratio === undefined ? '' : `×${fmt(r.ratio)}`;
    const met = r.withinBudget === undefined ? '' : r.withinBudget ? 'yes' : '**no**';
    lines.push(
      `| ${[r.bench, r.case, r.metric, `${fmt(r.value)} ${r.unit}`, baseline, ratio, r.budget ?? '', met].map(cell).join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/** Rewrites the table in the README, formatted as `prettier --check` (npm run lint) expects. */
export async function writeBenchTable(report, readmePath = join(root, 'README.md')) {
  const readme = readFileSync(readmePath, 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README.md has no ${START} … ${END} markers`);
  const next = `${readme.slice(0, from + START.length)}\n${benchTable(report)}\n${readme.slice(to)}`;
  const options = (await prettier.resolveConfig(readmePath)) ?? {};
  writeFileSync(readmePath, await prettier.format(next, { ...options, filepath: readmePath }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeBenchTable(JSON.parse(readFileSync(join(root, 'bench/results/latest.json'), 'utf8')));
}
