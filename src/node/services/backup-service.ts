import { createHash, randomUUID } from 'node:crypto';
import { access, constants, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AccountId } from '../../shared/account';
import type { BackupStatusView, KitAccountData, KitData } from '../../shared/backup';
import { LatchkeyError } from '../../shared/errors';
import { passwordProblem } from '../../shared/password-rule';
import { encodeBase32 } from '../../core/common/encoding/base32';
import { exportAegisVault } from '../../core/node/exporters/aegis';
import { exportUriList } from '../../core/node/exporters/uri-list';
import { encodeMigrationExport } from '../../core/common/migration';
import type { AccountDraft, SecretAccount } from '../../core/common/model';
import { serializeOtpUri } from '../../core/common/uri';
import type { BackupKind, VaultSettings } from '../../core/node/vault/database';
import type { DialogPort } from './dialog-port';
import type { Clock } from './ports';
import type { VaultService } from './vault';

const EXPORT_TOKEN_MS = 10 * 60_000;
const AUTO_BACKUP_NAME = /^latchkey-backup-\d{8}-\d{6}-\d{3}\.json$/;

/** A stable digest of everything a backup holds, to tell whether accounts changed since. */
export function accountsFingerprint(accounts: readonly SecretAccount[]): string {
  const hash = createHash('sha256');
  for (const a of accounts) {
    hash.update(
      JSON.stringify([a.id, a.issuer, a.name, a.otp, encodeBase32(a.secret), a.recoveryCodes]),
    );
    hash.update('\n');
  }
  return hash.digest('hex');
}

/** Exporters that can keep favourites, groups, notes and icons (Aegis) read them from here. */
export const draftOf = (a: SecretAccount): AccountDraft => ({
  issuer: a.issuer,
  name: a.name,
  otp: a.otp,
  secret: a.secret,
  favorite: a.favorite,
  groups: a.groups,
  note: a.note,
  icon: a.icon,
});

function stamp(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}-${pad(d.getUTCMilliseconds(), 3)}`;
}

/**
 * Everything that gets accounts out of the vault: the data for the printed kit (to the page,
 * after re-authentication), Aegis-format encrypted backups and plain link lists (written by
 * main straight to the file the user chose — never through a temporary file), Google
 * Authenticator transfer codes, backup reminders and automatic encrypted copies.
 */
export class BackupService {
  readonly #exports = new Map<string, number>();
  readonly #keyCheck = new Map<string, { header: string; stale: boolean }>();
  #autoWriting: Promise<void> = Promise.resolve();

  constructor(
    private readonly vault: VaultService,
    private readonly dialogs: DialogPort,
    private readonly clock: Clock,
  ) {}

  async status(): Promise<BackupStatusView> {
    const accounts = this.vault.accounts();
    const settings = this.vault.settings();
    const { slots } = await this.vault.status();
    return {
      lastBackup: settings.lastBackup
        ? { at: settings.lastBackup.at, kind: settings.lastBackup.kind }
        : null,
      // With automatic backups on, every change is already copied away.
      changedSinceBackup:
        settings.autoBackup === null &&
        accounts.length > 0 &&
        settings.lastBackup?.fingerprint !== accountsFingerprint(accounts),
      accountCount: accounts.length,
      autoBackup: settings.autoBackup,
      canAutoBackup: slots.password,
      oldKeyAutoBackups: settings.autoBackup
        ? (await this.#oldKeyAutoBackups(settings.autoBackup.folder)).length
        : 0,
    };
  }

  /**
   * Deletes the automatic backups that still open with a password (or device key) replaced
   * since, and writes a copy of the vault as it is now in their place.
   */
  async replaceOldAutoBackups(): Promise<BackupStatusView> {
    const auto = this.vault.settings().autoBackup;
    if (!auto) return this.status();
    const current = await this.vault.currentFile();
    if (current) this.afterSave(current, this.vault.settings());
    await this.flush();
    for (const name of await this.#oldKeyAutoBackups(auto.folder)) {
      await rm(join(auto.folder, name), { force: true });
    }
    return this.status();
  }

  /**
   * Automatic backups not sealed under the current master key: written before a password
   * change (or its removal, or signing out), they still open with what was replaced. A copy
   * whose header text equals vault.json's has the same wrapped key, so only the others are
   * decrypted (authenticated) to tell; answers are remembered per file and header.
   */
  async #oldKeyAutoBackups(folder: string): Promise<string[]> {
    const header = this.vault.headerText();
    const names = await readdir(folder).catch(() => [] as string[]);
    const old: string[] = [];
    for (const name of names.filter((n) => AUTO_BACKUP_NAME.test(n))) {
      const memo = this.#keyCheck.get(name);
      let stale = memo?.header === header ? memo.stale : null;
      if (stale === null) {
        const path = join(folder, name);
        const head = await readHead(path);
        stale =
          head !== null &&
          !head.includes(JSON.stringify(header)) &&
          !this.vault.opensWithCurrentKey(await readFile(path));
        this.#keyCheck.set(name, { header, stale });
      }
      if (stale) old.push(name);
    }
    return old;
  }

  // Exports release secrets: `dispatch` has verified re-authentication before any of them runs
  // (their contract entries say 'releases-secrets'), so none checks a proof here.

  async kitData(ids: readonly AccountId[] | null, transfer: boolean): Promise<KitData> {
    const accounts = this.#select(ids);
    if (accounts.length === 0) throw new LatchkeyError('backup.no-accounts');
    const data: KitAccountData[] = accounts.map((a) => ({
      issuer: a.issuer,
      name: a.name,
      uri: serializeOtpUri(draftOf(a)),
      secretBase32: encodeBase32(a.secret),
      otp: a.otp,
      recoveryCodes: a.recoveryCodes.map((c) => ({ code: c.code, used: c.used })),
    }));
    const migration = transfer
      ? encodeMigrationExport(accounts.map(draftOf), 10)
      : { uris: [], skipped: [] };
    const token = randomUUID();
    this.#exports.set(token, this.clock.now() + EXPORT_TOKEN_MS);
    return {
      token,
      accounts: data,
      transferUris: migration.uris,
      notTransferable: migration.skipped.map((s) => s.label),
    };
  }

  /** Saves the kit the page built for a re-authenticated export; the token works once. */
  async savePdf(token: string, pdf: Uint8Array, allAccounts: boolean): Promise<{ saved: boolean }> {
    const expires = this.#exports.get(token);
    if (expires === undefined || expires < this.clock.now())
      throw new LatchkeyError('backup.export-expired');
    this.#exports.delete(token);
    const saved = await this.#save(
      `latchkey-emergency-kit-${stamp(this.clock.now()).slice(0, 8)}.pdf`,
      'pdf',
      pdf,
    );
    if (saved && allAccounts) await this.#recordBackup('pdf');
    return { saved };
  }

  async exportAegis(backupPassword: string): Promise<{ saved: boolean }> {
    // The one password rule (src/shared/password-rule.ts), as for the vault and the CLI.
    if (passwordProblem(backupPassword)) throw new LatchkeyError('backup.password-too-short');
    const json = await exportAegisVault(this.vault.accounts().map(draftOf), backupPassword);
    const saved = await this.#save(
      `latchkey-aegis-backup-${stamp(this.clock.now()).slice(0, 8)}.json`,
      'aegis',
      Buffer.from(json, 'utf8'),
    );
    if (saved) await this.#recordBackup('aegis');
    return { saved };
  }

  async exportUris(): Promise<{ saved: boolean }> {
    const text = exportUriList(this.vault.accounts().map(draftOf));
    const saved = await this.#save(
      `latchkey-links-${stamp(this.clock.now()).slice(0, 8)}.txt`,
      'uris',
      Buffer.from(text, 'utf8'),
    );
    if (saved) await this.#recordBackup('uris');
    return { saved };
  }

  async transferCodes(
    ids: readonly AccountId[] | null,
  ): Promise<{ uris: string[]; notTransferable: string[] }> {
    const { uris, skipped } = encodeMigrationExport(this.#select(ids).map(draftOf), 10);
    return { uris, notTransferable: skipped.map((s) => s.label) };
  }

  /** Turns automatic backups on (folder chosen in main's dialog) or off (`keep` = null). */
  async setAutoBackup(keep: number | null): Promise<BackupStatusView> {
    if (keep === null) {
      await this.vault.updateSettings({ autoBackup: null });
      return this.status();
    }
    if (!(await this.vault.status()).slots.password)
      throw new LatchkeyError('backup.auto-needs-password');
    const folder = await this.dialogs.chooseFolder();
    if (folder === null) return this.status();
    await access(folder, constants.W_OK).catch(() => {
      throw new LatchkeyError('backup.auto-folder-unusable');
    });
    // This save itself triggers the first copy (see afterSave).
    await this.vault.updateSettings({ autoBackup: { folder, keep } });
    return this.status();
  }

  /**
   * Called after every durable vault save: copies the (encrypted) vault file into the backup
   * folder and keeps the newest `keep` copies. Failures never affect the save itself.
   */
  afterSave(vaultFile: Uint8Array, settings: VaultSettings): void {
    const auto = settings.autoBackup;
    if (!auto) return;
    const now = this.clock.now();
    this.#autoWriting = this.#autoWriting.then(async () => {
      try {
        await writeFile(join(auto.folder, `latchkey-backup-${stamp(now)}.json`), vaultFile, {
          mode: 0o600,
          flag: 'wx',
        });
        const names = (await readdir(auto.folder)).filter((n) => AUTO_BACKUP_NAME.test(n)).sort();
        for (const old of names.slice(0, Math.max(0, names.length - auto.keep))) {
          await rm(join(auto.folder, old), { force: true });
        }
      } catch {
        // A missing or full backup folder must not break saving; the reminder still shows.
      }
    });
  }

  /** Forgets pending export permissions (on lock: a kit prepared before must be asked for again). */
  forget(): void {
    this.#exports.clear();
  }

  /** Resolves once pending automatic copies are written (tests, shutdown). */
  flush(): Promise<void> {
    return this.#autoWriting;
  }

  #select(ids: readonly AccountId[] | null): SecretAccount[] {
    const all = this.vault.accounts();
    if (ids === null) return [...all];
    const wanted = new Set(ids);
    return all.filter((a) => wanted.has(a.id));
  }

  async #save(
    suggestedName: string,
    kind: 'pdf' | 'aegis' | 'uris',
    bytes: Uint8Array,
  ): Promise<boolean> {
    const path = await this.dialogs.chooseSave(suggestedName, kind);
    if (path === null) return false;
    try {
      await writeExport(path, bytes);
    } catch {
      throw new LatchkeyError('backup.save-failed');
    }
    return true;
  }

  async #recordBackup(kind: BackupKind): Promise<void> {
    const fingerprint = accountsFingerprint(this.vault.accounts());
    await this.vault.updateSettings({ lastBackup: { at: this.clock.now(), kind, fingerprint } });
  }
}

/**
 * Writes an export straight to the file the user chose (a temporary copy of secrets could
 * outlive a crash), readable by the owner only: the mode is set BEFORE any byte is written,
 * also when the file already existed with a wider mode (writeFile's `mode` applies only to a
 * file it creates).
 */
export async function writeExport(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'w', 0o600);
  try {
    await handle.chmod(0o600);
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The start of a file (where a vault file keeps its header text), or null if unreadable. */
async function readHead(path: string): Promise<string | null> {
  try {
    const handle = await open(path, 'r');
    try {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(16_384), 0, 16_384, 0);
      return buffer.toString('utf8', 0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}
