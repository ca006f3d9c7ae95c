import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { readFileSync, unlinkSync } from 'node:fs';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';

/**
 * The advisory write lock on the data folder, so the app and the `latchkey` command line never
 * write the vault at the same time. The app holds it for as long as it runs; a CLI command that
 * writes holds it for that one change. Readers ignore it (a vault save is an atomic rename, so a
 * reader sees the old file or the new one, never a torn one).
 *
 * The lock is a file created exclusively (O_EXCL), holding who took it. Node has no flock, and
 * a crash must not leave the folder locked for good: a lock whose process is gone (same host,
 * the PID no longer exists) is stale and is taken over — by renaming it away first, so when two
 * processes find the same stale lock only one of them wins.
 */
export const DATA_LOCK_FILE = 'write.lock';

export type LockRole = 'app' | 'cli';

export interface LockHolder {
  readonly role: LockRole;
  readonly pid: number;
  readonly host: string;
  /** Unix ms when it was taken. */
  readonly since: number;
}

export interface HeldDataLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): Promise<void>;
  /** The same, for exit handlers that cannot wait (Electron's will-quit). */
  releaseSync(): void;
}

export type AcquireResult =
  | { readonly ok: true; readonly lock: HeldDataLock }
  | { readonly ok: false; readonly holder: LockHolder };

/** Takes the lock for `role`, or says who holds it. Never waits. */
export async function acquireDataLock(dir: string, role: LockRole): Promise<AcquireResult> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, DATA_LOCK_FILE);
  const me: LockHolder = { role, pid: process.pid, host: hostname(), since: Date.now() };
  for (let tries = 0; tries < 3; tries++) {
    if (await createExclusively(path, me)) return { ok: true, lock: heldLock(path, me) };
    const holder = await readHolder(path);
    if (holder === 'gone') continue;
    if (holder !== 'unreadable' && isAlive(holder)) return { ok: false, holder };
    // Stale (its process is gone) or unreadable (a crash between create and write).
    const aside = `${path}.stale-${randomBytes(6).toString('hex')}`;
    if (
      await rename(path, aside).then(
        () => true,
        () => false,
      )
    ) {
      await unlink(aside).catch(() => undefined);
    }
  }
  const holder = await readHolder(path);
  return typeof holder === 'object'
    ? { ok: false, holder }
    : { ok: false, holder: { role: 'cli', pid: 0, host: '', since: 0 } };
}

/**
 * Takes the lock, waiting a little while another holder finishes (a CLI write takes well under
 * a second). Used by the app at start: it must not open the vault while a CLI write holds it.
 */
export async function waitForDataLock(
  dir: string,
  role: LockRole,
  { timeoutMs = 10_000, pollMs = 200 }: { timeoutMs?: number; pollMs?: number } = {},
): Promise<AcquireResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await acquireDataLock(dir, role);
    if (result.ok || Date.now() >= deadline) return result;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** What the app says when it cannot take the lock (it then quits without opening the vault). */
export function appBlockedMessage(holder: LockHolder): string {
  return holder.role === 'cli'
    ? `A latchkey command (process ${holder.pid}) is changing your vault. Latchkey did not open it; start Latchkey again when the command has finished.`
    : `Latchkey is already running${holder.host ? ` (process ${holder.pid} on ${holder.host})` : ''} with this vault.`;
}

/** The live holder of the lock, or null when nobody holds it (or only a stale file is left). */
export async function dataLockHolder(dir: string): Promise<LockHolder | null> {
  const holder = await readHolder(join(dir, DATA_LOCK_FILE));
  return typeof holder === 'object' && isAlive(holder) ? holder : null;
}

async function createExclusively(path: string, me: LockHolder): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(`${JSON.stringify(me)}\n`, 'utf8');
  } finally {
    await handle.close();
  }
  return true;
}

async function readHolder(path: string): Promise<LockHolder | 'gone' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : 'unreadable';
  }
  return parseHolder(text);
}

function parseHolder(text: string): LockHolder | 'unreadable' {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (
      (value.role === 'app' || value.role === 'cli') &&
      Number.isInteger(value.pid) &&
      typeof value.host === 'string' &&
      typeof value.since === 'number'
    ) {
      return value as LockHolder;
    }
  } catch {
    // fall through
  }
  return 'unreadable';
}

/** A holder on another host (a shared folder) cannot be checked, so it counts as alive. */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function heldLock(path: string, me: LockHolder): HeldDataLock {
  let released = false;
  const ours = (holder: LockHolder | 'gone' | 'unreadable') =>
    typeof holder === 'object' && holder.pid === me.pid && holder.since === me.since;
  return {
    path,
    releaseSync() {
      if (released) return;
      released = true;
      try {
        if (ours(parseHolder(readFileSync(path, 'utf8')))) unlinkSync(path);
      } catch {
        // Already gone.
      }
    },
    async release() {
      if (released) return;
      released = true;
      if (ours(await readHolder(path))) await unlink(path).catch(() => undefined);
    },
  };
}
