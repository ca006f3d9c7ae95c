import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

/** The built `latchkey` command (out/cli/latchkey.cjs), rebuilt when a source is newer. */
const ROOT = resolve(__dirname, '../..');
export const CLI_BUNDLE = join(ROOT, 'out', 'cli', 'latchkey.cjs');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export async function ensureCliBundle(): Promise<void> {
  const sources = Math.max(
    ...['src/cli', 'src/core', 'src/shared', 'src/node'].map((d) => newest(join(ROOT, d))),
  );
  const built = (() => {
    try {
      return statSync(CLI_BUNDLE).mtimeMs;
    } catch {
      return 0;
    }
  })();
  if (built >= sources) return;
  // Test files run in parallel and may all find the bundle stale: each builds into a folder of
  // its own and renames the result into place, so no test ever runs a half-written (or, with
  // vite's emptyOutDir, a deleted) bundle.
  const scratch = mkdtempSync(join(ROOT, 'out', '.cli-build-'));
  try {
    await promisify(execFile)(
      'npx',
      ['vite', 'build', '-c', 'vite.cli.config.ts', '--logLevel', 'warn', '--outDir', scratch],
      { cwd: ROOT },
    );
    mkdirSync(dirname(CLI_BUNDLE), { recursive: true });
    renameSync(join(scratch, 'latchkey.cjs'), CLI_BUNDLE);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
