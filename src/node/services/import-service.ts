import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportFileView } from '../../shared/backup';
import { isLatchkeyError, LatchkeyError } from '../../shared/errors';
import type { StagingView } from '../../shared/staging';
import { detectFormat, importBackup, MAX_BACKUP_BYTES } from '../../core/node/importers';
import type { DialogPort } from './dialog-port';
import type { StagingArea } from './staging-area';
import type { EventSink } from './ports';
import type { ImportProgress } from '../../shared/backup';
import { timeSlicer, type Pacer } from '../../core/common/import-entry/pace';

/** Imports shorter than this finish too fast for a progress bar to help. */
const PROGRESS_FROM = 1_000;
import type { SecretAccount } from '../../core/common/model';

/** Opens a Latchkey vault file with its password through the vault's lockout (VaultService). */
export type LatchkeyFileOpener = (bytes: Uint8Array, password: string) => Promise<SecretAccount[]>;

const LATCHKEY_VAULT = /^\s*\{\s*"format"\s*:\s*"latchkey-vault"/;

/**
 * Reads other apps' backups (and Latchkey's own automatic backups) into the staging area for a
 * preview; nothing is written to the vault until the user confirms. The file's bytes stay in
 * main; the page names the open file by token.
 */
export class ImportService {
  readonly #open = new Map<string, { name: string; bytes: Uint8Array }>();
  /** Reads in progress, by file token, so the page can cancel one. */
  readonly #running = new Map<string, AbortController>();

  constructor(
    private readonly dialogs: DialogPort,
    private readonly staging: StagingArea,
    private readonly openLatchkeyFile: LatchkeyFileOpener,
    private readonly events: EventSink | null = null,
  ) {}

  async openFile(): Promise<ImportFileView | null> {
    const path = await this.dialogs.chooseOpen('backup');
    if (path === null) return null;
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) throw new LatchkeyError('import.unreadable');
    if (info.size > MAX_BACKUP_BYTES) throw new LatchkeyError('import.too-large');
    return this.#hold(basename(path), new Uint8Array(await readFile(path)));
  }

  /** Text pasted by the user: otpauth links, a Google export link, or a JSON backup. */
  openText(text: string): ImportFileView {
    return this.#hold('pasted text', new TextEncoder().encode(text));
  }

  async read(token: string, password: string | undefined): Promise<StagingView> {
    const file = this.#open.get(token);
    if (!file) throw new LatchkeyError('import.expired');
    this.#running.get(token)?.abort();
    const controller = new AbortController();
    this.#running.set(token, controller);
    try {
      return await this.#read(token, file, password, controller.signal);
    } finally {
      if (this.#running.get(token) === controller) this.#running.delete(token);
    }
  }

  /**
   * On lock: every opened file is dropped (its bytes overwritten) and running reads stop, so
   * nothing read before the lock can be imported after it without opening the file again.
   */
  forget(): void {
    for (const controller of this.#running.values()) controller.abort();
    this.#running.clear();
    for (const file of this.#open.values()) file.bytes.fill(0);
    this.#open.clear();
  }

  /**
   * Stops a running `read` of this file: it ends with `import.cancelled` between two slices
   * (or before the next password slot), and what it staged is taken back out.
   */
  cancel(token: string): void {
    this.#running.get(token)?.abort();
  }

  /** Paces one phase of a read and reports its progress once it is long enough to show. */
  #pacer(token: string, phase: ImportProgress['phase'], signal: AbortSignal): Pacer {
    const slicer = timeSlicer({ signal });
    return (done, total) => {
      const pause = slicer(done, total);
      if (pause && total >= PROGRESS_FROM)
        this.events?.emit('import-progress', { token, phase, done, total });
      return pause;
    };
  }

  async #read(
    token: string,
    file: { name: string; bytes: Uint8Array },
    password: string | undefined,
    signal: AbortSignal,
  ): Promise<StagingView> {
    const decoder = new TextDecoder('utf-8', { fatal: false });
    if (LATCHKEY_VAULT.test(decoder.decode(file.bytes.subarray(0, 64))))
      return this.#readLatchkey(file, password);
    const result = await importBackup(file.bytes, {
      ...(password !== undefined && { password }),
      fileName: file.name,
      signal,
      pace: this.#pacer(token, 'reading', signal),
    });
    const problems: StagingView['problems'][number][] = [];
    const entries: Parameters<StagingArea['stage']>[0][number][] = [];
    result.entries.forEach((entry, i) => {
      if (entry.ok)
        entries.push({
          draft: entry.draft,
          source: `${file.name}, entry ${i + 1}`,
          warnings: entry.warnings,
        });
      else
        problems.push({
          source: `${file.name}, entry ${entry.index + 1}${entry.label ? ` (${entry.label})` : ''}`,
          excerpt: '',
          error: entry.error,
        });
    });
    await this.staging.stagePaced(entries, this.#pacer(token, 'staging', signal));
    this.#open.delete(token);
    return { items: this.staging.list(), problems, batches: [] };
  }

  #hold(name: string, bytes: Uint8Array): ImportFileView {
    const text = new TextDecoder().decode(bytes.subarray(0, 64));
    const ours = LATCHKEY_VAULT.test(text);
    const format = ours ? 'latchkey' : detectFormat(bytes, name);
    if (format === null) throw new LatchkeyError('import.unknown-format');
    const token = randomUUID();
    this.#open.set(token, { name, bytes });
    return { token, fileName: name, format, needsPassword: ours || looksEncrypted(format, bytes) };
  }

  async #readLatchkey(
    file: { name: string; bytes: Uint8Array },
    password: string | undefined,
  ): Promise<StagingView> {
    if (password === undefined) throw new LatchkeyError('import.password-required');
    try {
      const accounts = await this.openLatchkeyFile(file.bytes, password);
      this.staging.stage(
        accounts.map((a, i) => ({
          draft: { issuer: a.issuer, name: a.name, otp: a.otp, secret: a.secret },
          source: `${file.name}, entry ${i + 1}`,
        })),
      );
      return { items: this.staging.list(), problems: [], batches: [] };
    } catch (error) {
      if (isLatchkeyError(error) && error.code === 'vault.wrong-password')
        throw new LatchkeyError('import.wrong-password');
      throw error;
    }
  }
}

/** Whether to ask for a password up front (the importer says so too, if we guess wrong). */
function looksEncrypted(format: string, bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  switch (format) {
    case 'aegis':
      return /"slots"\s*:\s*\[/.test(head);
    case '2fas':
      return /"servicesEncrypted"\s*:\s*"/.test(head);
    case 'andotp':
      return !head.trimStart().startsWith('[');
    default:
      return false;
  }
}
