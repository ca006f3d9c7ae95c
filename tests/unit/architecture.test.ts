import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// What ESLint cannot check about the structure. The layering itself (who may import what, Node
// built-ins and globals on the page side, electron only in src/main and src/preload) is ESLint's
// job, from the one boundary table in eslint.config.js; tests/unit/lint-boundaries.test.ts proves
// ESLint refuses each kind of violation. Here: that the table covers every folder and is itself
// layered, that there are no import cycles, and the Electron hardening facts.

interface BoundaryRow {
  readonly folder: string;
  readonly runs: 'page' | 'preload' | 'electron' | 'node';
  readonly imports: readonly string[];
}

const root = join(import.meta.dirname, '..', '..');
// A computed specifier: the config is plain JavaScript, read here as data.
const config = (await import(pathToFileURL(join(root, 'eslint.config.js')).href)) as {
  BOUNDARY_TABLE: readonly BoundaryRow[];
  UNLINTED_FOLDERS: Record<string, string>;
};
const table = config.BOUNDARY_TABLE;
const folders = table.map((row) => row.folder);
const within = (file: string, folder: string) => file.startsWith(`${folder}/`);

/** Code files in the working tree (tracked, or new and not ignored), relative to the root. */
const codeFiles = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => /\.(ts|tsx|js|mjs|cjs)$/.test(f) && existsSync(join(root, f)));
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/** The application's rows as docs/architecture.md shows them: folder → the folders it may import. */
function documentedLayers(): Map<string, string[]> {
  const rows = read('docs/architecture.md')
    .split('\n')
    .filter((line) => line.startsWith('| `src/'));
  return new Map(
    rows.map((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      const names = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
      return [names(cells[1]!)[0]!, names(cells[3]!)];
    }),
  );
}

describe('the boundary table', () => {
  it('is what docs/architecture.md shows for the application', () => {
    const src = table.filter((row) => row.folder.startsWith('src/'));
    expect(documentedLayers()).toEqual(new Map(src.map((row) => [row.folder, [...row.imports]])));
  });

  it('covers every folder that holds code (files at the root are tool configs)', () => {
    const uncovered = codeFiles.filter(
      (f) =>
        f.includes('/') &&
        !folders.some((folder) => within(f, folder)) &&
        !Object.keys(config.UNLINTED_FOLDERS).some((folder) => within(f, folder)),
    );
    expect(uncovered).toEqual([]);
  });

  it('lists only folders that exist and imports only folders it lists', () => {
    expect(folders.filter((folder) => !codeFiles.some((f) => within(f, folder)))).toEqual([]);
    const unknown = table.flatMap((row) => row.imports.filter((i) => !folders.includes(i)));
    expect(unknown).toEqual([]);
  });

  it('layers the application: no src folder can reach itself through its imports', () => {
    const src = table.filter((row) => row.folder.startsWith('src/'));
    const reaches = (from: string, seen = new Set<string>()): Set<string> => {
      for (const next of src.find((row) => row.folder === from)?.imports ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          reaches(next, seen);
        }
      }
      return seen;
    };
    expect(src.filter((row) => reaches(row.folder).has(row.folder)).map((r) => r.folder)).toEqual(
      [],
    );
  });

  it('lets only src/main and tests/electron import src/main, and only they and the preload run Electron', () => {
    expect(table.filter((row) => row.imports.includes('src/main')).map((r) => r.folder)).toEqual([
      'tests/electron',
    ]);
    expect(
      table.filter((row) => row.runs === 'electron' || row.runs === 'preload').map((r) => r.folder),
    ).toEqual(['src/main', 'src/preload']);
    // The page side, as the brief for page-safe code names it.
    expect(table.filter((row) => row.runs === 'page').map((r) => r.folder)).toEqual([
      'src/shared',
      'src/core/common',
      'src/renderer',
    ]);
  });
});

/** Relative imports that exist at run time (`import type` is erased, so it cannot loop). */
function runtimeImports(file: string, known: ReadonlySet<string>): string[] {
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, false);
  const targets: string[] = [];
  for (const statement of source.statements) {
    const isImport = ts.isImportDeclaration(statement);
    if (!isImport && !ts.isExportDeclaration(statement)) continue;
    if (isImport ? statement.importClause?.isTypeOnly : statement.isTypeOnly) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    const base = normalize(join(dirname(file), specifier.text)).replace(/\.js$/, '');
    const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
      .map((ending) => base + ending)
      .find((candidate) => known.has(candidate));
    if (found) targets.push(found);
  }
  return targets;
}

/** Groups of files that import one another in a loop (Tarjan's strongly connected components). */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    order.set(file, order.size);
    low.set(file, order.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, order.get(next)!));
      }
    }
    if (low.get(file) === order.get(file)) {
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== file);
      if (group.length > 1) cycles.push(group.sort());
    }
  };
  for (const file of graph.keys()) if (!order.has(file)) visit(file);
  return cycles;
}

describe('imports', () => {
  const sources = codeFiles.filter((f) => /^src\/.*\.tsx?$/.test(f) && !f.endsWith('.d.ts'));

  it('form no cycles in src', () => {
    const known = new Set(sources);
    expect(importCycles(new Map(sources.map((f) => [f, runtimeImports(f, known)])))).toEqual([]);
  });

  it('the cycle finder reports a loop, and only the loop', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
      ['e', []],
    ]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c']]);
  });
});

describe('Electron hardening stays on', () => {
  const src = codeFiles.filter((f) => /^src\/.*\.tsx?$/.test(f));

  it('no file switches off sandbox, context isolation or web security', () => {
    const offenders = src.filter((f) =>
      /sandbox:\s*false|nodeIntegration:\s*true|contextIsolation:\s*false|webSecurity:\s*false/.test(
        read(f),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('ipcRenderer appears only in src/preload, which only builds window.latchkey from the contract', () => {
    expect(src.filter((f) => read(f).includes('ipcRenderer') && !within(f, 'src/preload'))).toEqual(
      [],
    );
    const source = read('src/preload/index.ts');
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toContain('buildLatchkeyApi');
  });
});
