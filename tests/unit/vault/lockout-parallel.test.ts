import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { childCommand as makeChildCommand, tempDir, weakService } from './helpers';

// Issue 10, finding 3: 12 command-line processes guessing in parallel made 13 guesses while only
// 6 were recorded. With one attempt() path holding an exclusive lock on lockout.json from the
// check to the reset, N parallel wrong guesses are N recorded failures and at most 6 of them
// (the 5 free ones and the one that starts the wait) ever run scrypt.

const PARALLEL = 12;
let work: { dir: string; cleanup: () => void };
let childCommand: string[];

beforeAll(() => {
  work = tempDir();
  childCommand = makeChildCommand(join(__dirname, 'lockout-child.ts'), work.dir);
});
afterAll(() => work.cleanup());

function guess(dir: string, password: string): Promise<{ runs: number; outcome: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(childCommand[0]!, [...childCommand.slice(1), dir, password], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`child exited ${code}: ${err}`));
      resolve(JSON.parse(out) as { runs: number; outcome: string });
    });
  });
}

test('12 parallel wrong guesses: 12 recorded failures, at most 6 scrypt runs', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const app = weakService(dir);
    await app.create({ keychain: false, password: 'correct horse battery' });
    await app.lock();
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, () => guess(dir, 'wrong guess!')),
    );
    const record = JSON.parse(readFileSync(join(dir, 'lockout.json'), 'utf8')) as {
      failures: number;
    };
    expect(record.failures).toBe(PARALLEL);
    const runs = results.reduce((sum, r) => sum + r.runs, 0);
    expect(runs).toBeLessThanOrEqual(6);
    // Every guess that ran scrypt was told it was wrong; every other one was refused.
    expect(results.filter((r) => r.outcome === 'vault.wrong-password')).toHaveLength(runs);
    expect(results.filter((r) => r.outcome === 'vault.locked-out')).toHaveLength(PARALLEL - runs);
    // No lock directory is left behind.
    expect(existsSync(join(dir, 'lockout.json.lock'))).toBe(false);
  } finally {
    cleanup();
  }
}, 60_000);
