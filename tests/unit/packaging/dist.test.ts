import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

describe('npm run dist without the Electron binary', () => {
  it('stops at once with one line naming the missing binary, and writes no dist/', () => {
    const distExisted = existsSync(join(root, 'dist'));
    // Point Electron's dist at a folder that does not exist: the same answer as a machine that
    // installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, wherever this test runs.
    const run = spawnSync('npx', ['tsx', 'scripts/dist.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(root, '.no-electron-here') },
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^latchkey dist: cannot package: the Electron binary/);
    expect(run.stdout).toBe('');
    if (!distExisted) expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('refuses an unknown target by name', () => {
    const run = spawnSync('npx', ['tsx', 'scripts/dist.ts', 'beos'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('latchkey dist: unknown target "beos" (use linux, mac or win)');
  });
});
