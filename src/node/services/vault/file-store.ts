import { constants as fsConstants } from 'node:fs';
import {
  copyFile,
  link,
  open,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  unlink,
} from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { LatchkeyError } from '../../../shared/errors';
import {
  fileEquals,
  isTempName,
  startTempFile,
  syncDirectory,
  writeFileDurably,
} from './fs-durable';

/**
 * The crash-safe home of vault.json (docs/vault-format.md). A save is: temp file (0600) → fsync → read
 * back and verify → copy into generations/ (keep 10) → rename over vault.json → fsync the
 * directories. At every instant vault.json is either the old or the new complete file.
 * Nothing here ever writes over a vault.json that failed to open: restoring first keeps the
 * damaged file under another name.
 */
export const VAULT_FILE = 'vault.json';
export const GENERATIONS_DIR = 'generations';
export const KEEP_GENERATIONS = 10;

export interface GenerationInfo {
  /** Stable id: `<8-digit sequence>-<unix ms saved>`. */
  readonly id: string;
  readonly savedAt: number;
  readonly size: number;
}

const GENERATION_NAME = /^(\d{8})-(\d{1,16})\.json$/;

/** `<seq + 1>-<now>`: the sequence keeps names ordered even when the clock goes back. */
function nextGenerationId(existing: readonly GenerationInfo[], now: number): string {
  const seq = existing.length === 0 ? 1 : Number(existing[0]!.id.slice(0, 8)) + 1;
  return `${String(seq % 1e8).padStart(8, '0')}-${Math.max(0, Math.floor(now))}`;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

export class VaultFileStore {
  readonly dir: string;
  readonly path: string;
  readonly generationsDir: string;

  constructor(dir: string) {
    this.dir = dir;
    this.path = join(dir, VAULT_FILE);
    this.generationsDir = join(dir, GENERATIONS_DIR);
  }

  /** The file's bytes, or null when there is no vault. */
  async read(): Promise<Buffer | null> {
    try {
      return await readFile(this.path);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /**
   * Saves `bytes` durably. `verify` must throw if the bytes do not open; then vault.json is left
   * exactly as it was. It runs while the bytes are being flushed (CPU work in parallel with the
   * disk), and the temp file read back must then equal them byte for byte, so what was verified
   * is exactly what is on disk.
   *
   * The generation copy is written and fsynced at the same time as the temp file (two flushes
   * in flight cost far less than two in a row), but it is only renamed into generations/ once
   * the temp file verified. It stays a separate file rather than a hard link to vault.json, so
   * damage written into vault.json in place never reaches the newest generation.
   */
  async write(bytes: Buffer, verify: (fromDisk: Buffer) => void, now: number): Promise<void> {
    const temps: string[] = [];
    try {
      await mkdir(this.generationsDir, { recursive: true, mode: 0o700 });
      const existing = await this.listGenerations();
      const generation = join(this.generationsDir, `${nextGenerationId(existing, now)}.json`);
      const started = await Promise.allSettled([
        startTempFile(this.path, bytes),
        startTempFile(generation, bytes),
      ]);
      const flushes: Promise<void>[] = [];
      for (const result of started) {
        if (result.status === 'fulfilled') {
          temps.push(result.value.path);
          flushes.push(result.value.flushed);
        }
      }
      let verifyError: unknown = null;
      if (flushes.length === started.length) {
        try {
          verify(bytes);
        } catch (error) {
          verifyError = error ?? new Error('verify');
        }
      }
      const flushed = await Promise.allSettled(flushes);
      for (const result of [...started, ...flushed]) {
        if (result.status === 'rejected') throw result.reason;
      }
      if (verifyError !== null) throw verifyError;
      const [temp, generationTemp] = temps as [string, string];
      if (!(await fileEquals(temp, bytes))) throw new Error('read-back differs');
      await rename(generationTemp, generation);
      temps.pop();
      for (const old of existing.slice(KEEP_GENERATIONS - 1)) {
        await unlink(join(this.generationsDir, `${old.id}.json`)).catch(() => undefined);
      }
      await syncDirectory(this.generationsDir);
      await rename(temp, this.path);
      temps.pop();
      await syncDirectory(this.dir);
    } catch (error) {
      for (const temp of temps) await unlink(temp).catch(() => undefined);
      if (error instanceof LatchkeyError && error.code === 'vault.write-failed') throw error;
      throw new LatchkeyError('vault.write-failed', {
        details: { reason: (error as NodeJS.ErrnoException).code ?? 'verify' },
      });
    }
  }

  /** Newest first. */
  async listGenerations(): Promise<GenerationInfo[]> {
    let names: string[];
    try {
      names = await readdir(this.generationsDir);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const found: GenerationInfo[] = [];
    for (const name of names) {
      const match = GENERATION_NAME.exec(name);
      if (!match) continue;
      const info = await stat(join(this.generationsDir, name)).catch(() => null);
      if (info) found.push({ id: name.slice(0, -5), savedAt: Number(match[2]), size: info.size });
    }
    return found.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  async readGeneration(id: string): Promise<Buffer> {
    if (!GENERATION_NAME.test(`${id}.json`)) throw new LatchkeyError('vault.generation-not-found');
    try {
      return await readFile(join(this.generationsDir, `${id}.json`));
    } catch (error) {
      if (isMissing(error)) throw new LatchkeyError('vault.generation-not-found');
      throw error;
    }
  }

  /** A generation's first `bytes` bytes (fewer if it is shorter), e.g. to read its header. */
  async readGenerationHead(id: string, bytes = 64 * 1024): Promise<Buffer> {
    if (!GENERATION_NAME.test(`${id}.json`)) throw new LatchkeyError('vault.generation-not-found');
    let handle;
    try {
      handle = await open(join(this.generationsDir, `${id}.json`), 'r');
    } catch (error) {
      if (isMissing(error)) throw new LatchkeyError('vault.generation-not-found');
      throw error;
    }
    try {
      const head = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(head, 0, bytes, 0);
      return head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  /** Rewrites a generation in place (same id, so its place in the order and its time stay). */
  async replaceGeneration(id: string, bytes: Buffer): Promise<void> {
    await this.readGeneration(id);
    await writeFileDurably(join(this.generationsDir, `${id}.json`), bytes);
  }

  async removeGeneration(id: string): Promise<void> {
    if (!GENERATION_NAME.test(`${id}.json`)) throw new LatchkeyError('vault.generation-not-found');
    await unlink(join(this.generationsDir, `${id}.json`)).catch(() => undefined);
    await syncDirectory(this.generationsDir).catch(() => undefined);
  }

  /** Deletes the `vault.json.damaged-…` copies a restore kept aside. */
  async removeDamagedCopies(): Promise<void> {
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      if (name.startsWith(`${VAULT_FILE}.damaged-`)) {
        await unlink(join(this.dir, name)).catch(() => undefined);
      }
    }
    await syncDirectory(this.dir).catch(() => undefined);
  }

  /**
   * Puts a generation back as vault.json. The current file, if any, is kept as
   * `vault.json.damaged-<ms>` (a hard link, so no byte of it is rewritten) before the rename.
   */
  async restore(id: string, now: number): Promise<void> {
    const bytes = await this.readGeneration(id);
    const stamp = `${Math.max(0, Math.floor(now))}-${randomBytes(3).toString('hex')}`;
    const keep = join(this.dir, `${VAULT_FILE}.damaged-${stamp}`);
    try {
      await link(this.path, keep);
    } catch (error) {
      if (!isMissing(error))
        await copyFile(this.path, keep, fsConstants.COPYFILE_EXCL).catch(() => undefined);
    }
    try {
      await writeFileDurably(this.path, bytes);
    } catch (error) {
      throw new LatchkeyError('vault.write-failed', {
        details: { reason: (error as NodeJS.ErrnoException).code ?? 'restore' },
      });
    }
  }

  /** Removes temp files a crash left behind. Only the (single) writer calls this. */
  async removeStaleTemps(): Promise<void> {
    for (const dir of [this.dir, this.generationsDir]) {
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names) {
        if (isTempName(name)) await unlink(join(dir, name)).catch(() => undefined);
      }
    }
  }

  /** What eraseAll would delete now: vault.json, kept copies, temp files, each generation. */
  async erasablePaths(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const paths = names
      .filter((n) => n === VAULT_FILE || n.startsWith(`${VAULT_FILE}.damaged-`) || isTempName(n))
      .sort()
      .map((n) => join(this.dir, n));
    const generations = await readdir(this.generationsDir).catch(() => null);
    if (generations) {
      paths.push(...generations.sort().map((n) => join(this.generationsDir, n)));
      paths.push(this.generationsDir);
    }
    return paths;
  }

  /** Deletes vault.json, every generation and kept damaged copies. */
  async eraseAll(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      if (name === VAULT_FILE || name.startsWith(`${VAULT_FILE}.damaged-`) || isTempName(name)) {
        await unlink(join(this.dir, name)).catch(() => undefined);
      }
    }
    await rm(this.generationsDir, { recursive: true, force: true });
    await syncDirectory(this.dir).catch(() => undefined);
  }
}
