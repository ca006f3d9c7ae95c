import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The house rules of DESIGN.md §1 and §7 that the source itself must show, checked on every
// file so a violation fails the suite even if someone silences the linter.
const root = join(import.meta.dirname, '..', '..');
const files = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const importsElectron = /from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/;

describe('architecture', () => {
  const all = files('src');

  it('no file switches off Electron hardening', () => {
    const offenders = all.filter((f) =>
      /sandbox:\s*false|nodeIntegration:\s*true|contextIsolation:\s*false|webSecurity:\s*false/.test(
        read(f),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('ipcRenderer appears only in src/preload', () => {
    expect(
      all.filter((f) => read(f).includes('ipcRenderer') && !f.startsWith('src/preload/')),
    ).toEqual([]);
  });

  it('src/shared, src/core and src/renderer never import electron', () => {
    const offenders = all.filter(
      (f) => /^src\/(shared|core|renderer)\//.test(f) && importsElectron.test(read(f)),
    );
    expect(offenders).toEqual([]);
  });

  it('main-side services and handlers do not import electron (they run in the test bridge)', () => {
    const offenders = all.filter((f) => /^src\/node\//.test(f) && importsElectron.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it('the page imports nothing from main, preload or Node', () => {
    const offenders = files('src/renderer').filter((f) =>
      /from\s+['"](node:|fs['"]|path['"]|crypto['"])|from\s+['"][./]*(main|preload)\//.test(
        read(f),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('the preload only builds window.latchkey from the contract', () => {
    const preload = files('src/preload');
    expect(preload).toEqual(['src/preload/index.ts']);
    const source = read('src/preload/index.ts');
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toContain('buildLatchkeyApi');
  });
});
