import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataLock, DATA_LOCK_FILE, waitForDataLock } from '../../../src/node/data-lock';
import { latchkey, seedPasswordVault } from './cli-harness';

/**
 * Issue 15 §3: living beside the app. Another PROCESS holds the data folder's write lock the way
 * the running app does (hold-data-lock.ts); every CLI write command then exits 3 with the
 * message and changes nothing, while reads keep working.
 */

const PASSWORD = 'correct horse battery staple';
const work = mkdtempSync(join(tmpdir(), 'latchkey-cli-lock-'));
const dir = join(work, 'data');
const pw = join(work, 'pw');
writeFileSync(pw, `${PASSWORD}\n`);
const LINK = 'otpauth://totp/New:me?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=New';

beforeAll(() => seedPasswordVault(dir, PASSWORD), 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function holdLock(role: 'app' | 'cli', at = dir): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'hold-data-lock.ts'), at, role],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) =>
      chunk.toString().startsWith('held') ? resolve(child) : reject(new Error(chunk.toString())),
    );
    child.once('error', reject);
  });
}

const release = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.stdin!.end();
  });

/** Everything a write could change: every file's bytes in the data folder (generations too). */
function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      // The lock itself, and the wrong-password counter every password check shares (readers
      // record and clear attempts there under its own lock, as the app does).
      else if (![DATA_LOCK_FILE, 'lockout.json'].includes(entry.name)) {
        files.set(path, `${statSync(path).mtimeMs}:${readFileSync(path).toString('base64')}`);
      }
    }
  };
  walk(dir);
  return files;
}

const vaultArgs = ['--data-dir', dir, '--vault-password-file', pw];

describe('CLI writes while the app holds the data folder', () => {
  it('every write command exits 3, says the app is running, and changes nothing; reads still work', async () => {
    const app = await holdLock('app');
    try {
      const before = snapshot();
      for (const argv of [
        ['add', LINK],
        ['rm', 'Issuer 0', '--yes'],
        ['rename', 'Issuer 0', '--issuer', 'Renamed'],
        ['passwd', '--new-password-file', pw],
        ['import', join(work, 'pw'), '--into-vault'],
      ]) {
        const result = latchkey([...argv, ...vaultArgs]);
        expect(result.code, argv.join(' ')).toBe(3);
        expect(result.stderr).toMatch(/Latchkey is running — close it, or use the app/);
        expect(result.stdout).toBe('');
      }
      expect([...snapshot().keys()]).toEqual([...before.keys()]);
      expect(snapshot()).toEqual(before);
      const listed = latchkey(['list', ...vaultArgs]);
      expect(listed.code).toBe(0);
      expect(listed.stdout.trim().split('\n')).toHaveLength(2);
      const links = join(work, 'links.txt');
      writeFileSync(links, `${LINK}\n`);
      const preview = latchkey(['import', links, '--into-vault', '--dry-run', ...vaultArgs]);
      expect(preview).toMatchObject({
        code: 0,
        stdout: 'added 1, duplicates 0, failed 0 (dry run: nothing was saved)\n',
      });
      expect(latchkey(['export', '-f', 'uris', '-o', '-', ...vaultArgs]).code).toBe(0);
      expect(snapshot()).toEqual(before);
    } finally {
      await release(app);
    }
    // Once the app has quit, the same write goes through.
    expect(latchkey(['add', LINK, ...vaultArgs]).code).toBe(0);
  }, 120_000);

  it('init in a folder the app holds exits 3 before asking for anything, and creates no vault', async () => {
    const empty = join(work, 'empty-data');
    const app = await holdLock('app', empty);
    try {
      const result = latchkey([
        'init',
        '--no-keychain',
        '--data-dir',
        empty,
        '--new-password-file',
        pw,
      ]);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(/Latchkey is running/);
      expect(readdirSync(empty)).toEqual([DATA_LOCK_FILE]);
    } finally {
      await release(app);
    }
  }, 60_000);

  it('another CLI write holding it is named as such', async () => {
    const other = await holdLock('cli');
    try {
      const result = latchkey(['rename', 'Issuer 1', '--name', 'x', ...vaultArgs]);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(
        /another latchkey command \(process \d+\) is changing the vault/,
      );
    } finally {
      await release(other);
    }
  }, 60_000);

  it('a lock left by a process that is gone is taken over', async () => {
    const ghost = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => ghost.once('exit', resolve));
    const { hostname } = await import('node:os');
    writeFileSync(
      join(dir, DATA_LOCK_FILE),
      JSON.stringify({ role: 'app', pid: ghost.pid, host: hostname(), since: 1 }),
    );
    const result = latchkey(['rename', 'Issuer 1', '--name', 'after a crash', ...vaultArgs]);
    expect(result.code).toBe(0);
    expect(() => statSync(join(dir, DATA_LOCK_FILE))).toThrow();
  }, 60_000);
});

describe('the app side of the lock (src/node/data-lock.ts, used by src/main/index.ts)', () => {
  it('the app does not get the lock while a CLI write holds it, and gets it once released', async () => {
    const cliWrite = await holdLock('cli');
    const blocked = await waitForDataLock(dir, 'app', { timeoutMs: 300, pollMs: 50 });
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.holder).toMatchObject({ role: 'cli', pid: cliWrite.pid });
    const waiting = waitForDataLock(dir, 'app', { timeoutMs: 20_000, pollMs: 50 });
    await release(cliWrite);
    const taken = await waiting;
    expect(taken.ok).toBe(true);
    if (taken.ok) {
      // While the app holds it, a second taker (in this process too) is refused.
      expect((await acquireDataLock(dir, 'cli')).ok).toBe(false);
      await taken.lock.release();
    }
    expect(() => statSync(join(dir, DATA_LOCK_FILE))).toThrow();
  }, 60_000);
});
