import { randomBytes } from 'node:crypto';
import { open, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The durable-write primitives the vault and lockout stores share. POSIX only promises that a
 * renamed file survives a power cut once both the file and its directory are fsynced.
 */

/** Writes `bytes` to a fresh temp file next to `target` (mode 0600) and fsyncs it. */
export async function writeTempFile(target: string, bytes: Uint8Array): Promise<string> {
  const temp = await startTempFile(target, bytes);
  await temp.flushed;
  return temp.path;
}

/**
 * writeTempFile in two steps: resolves once the bytes are written (to the page cache), with
 * `flushed` settling when the fsync has finished — so the caller can do CPU work while the disk
 * flushes. If the fsync fails, `flushed` rejects and the temp file is gone.
 */
export async function startTempFile(
  target: string,
  bytes: Uint8Array,
): Promise<{ readonly path: string; readonly flushed: Promise<void> }> {
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await open(temp, 'wx', 0o600);
  const discard = async (error: unknown): Promise<never> => {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  };
  try {
    await handle.writeFile(bytes);
  } catch (error) {
    return discard(error);
  }
  const flushed = handle.sync().then(() => handle.close(), discard);
  // Observed here so a rejection while the caller is still busy is never "unhandled".
  flushed.catch(() => undefined);
  return { path: temp, flushed };
}

/**
 * Whether the file at `path` holds exactly `bytes`, read back through one small buffer rather
 * than a second payload-sized copy per save.
 */
export async function fileEquals(path: string, bytes: Uint8Array): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    if ((await handle.stat()).size !== bytes.length) return false;
    const chunk = Buffer.allocUnsafe(Math.min(bytes.length, 1024 * 1024));
    for (let at = 0; at < bytes.length; at += chunk.length) {
      const want = Math.min(chunk.length, bytes.length - at);
      const { bytesRead } = await handle.read(chunk, 0, want, at);
      if (bytesRead !== want || !chunk.subarray(0, want).equals(bytes.subarray(at, at + want))) {
        return false;
      }
    }
    return true;
  } finally {
    await handle.close();
  }
}

/** fsync on a directory makes a rename in it durable; Windows cannot open directories, so skip. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** temp → fsync → rename over target → fsync directory. */
export async function writeFileDurably(target: string, bytes: Uint8Array): Promise<void> {
  const temp = await writeTempFile(target, bytes);
  try {
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(target));
}

export function isTempName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

/** temp → rename, without fsyncs: atomic (old or new content) but not promised to survive a power cut. */
export async function writeFileAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  await writeFile(temp, bytes, { mode: 0o600, flag: 'wx' });
  try {
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
