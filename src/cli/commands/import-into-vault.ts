import { ImportService } from '../../node/services/import-service';
import { systemClock } from '../../node/services/ports';
import { StagingArea } from '../../node/services/staging-area';
import { VaultService } from '../../node/services/vault';
import type { StagingView } from '../../shared/staging';
import { loadCredentials, type Credentials } from '../credentials';
import { EXIT, type CliIo } from '../io';
import { ArgsError, type Parsed } from '../options';
import { safe, safeJson } from '../terminal';
import { readOnlyAccounts } from '../read-only-accounts';
import { dataDirOf, readVault, scriptedDialogs, withVaultForWriting } from '../vault-access';
import { readBackupFile, withBackupPassword } from './backup-file';

/**
 * `latchkey import <file> --into-vault`: the app's own import path — ImportService reads the
 * file into the StagingArea (the preview, with its duplicate check), and the StagingArea's
 * commit writes every non-duplicate in one save. `--dry-run` runs the same preview over a
 * read-only copy of the accounts and saves nothing, so it is safe while the app runs.
 */
export async function importIntoVault(args: Parsed, path: string, io: CliIo): Promise<number> {
  const credentials = await loadCredentials(args, io, { aliasFor: 'backup', stdinFor: 'backup' });
  const bytes = await readBackupFile(path);
  const keep = args.flag('keep-duplicates');
  const dryRun = args.flag('dry-run');
  if (args.flag('json') && !dryRun) throw new ArgsError('--json goes with --dry-run');
  if (dryRun) {
    const view = await stage(
      await dryRunImports(args, io, credentials, path),
      bytes,
      path,
      credentials,
    );
    const summary = summarise(view, keep);
    if (args.flag('json')) io.stdout(`${safeJson(preview(view, summary))}\n`);
    else report(view, summary, io, true);
    return view.items.length > 0 ? EXIT.ok : EXIT.notFound;
  }
  return withVaultForWriting(
    args,
    io,
    credentials,
    async ({ services }) => {
      const view = await stage(services.imports, bytes, path, credentials);
      const summary = summarise(view, keep);
      const chosen = view.items.filter((i) => keep || i.duplicateOf === null);
      await services.staging.commit(
        chosen.map((i) => ({ key: i.key })),
        keep,
      );
      report(view, summary, io, false);
      return view.items.length > 0 ? EXIT.ok : EXIT.notFound;
    },
    { dialogs: scriptedDialogs({ open: path }) },
  );
}

/**
 * The app's ImportService and StagingArea over the vault's accounts as read-only commands read
 * them (no write lock, no save — unlocking through VaultService may save, e.g. to upgrade a
 * slot). A Latchkey file inside goes through the vault's one password-attempt path.
 */
async function dryRunImports(
  args: Parsed,
  io: CliIo,
  credentials: Credentials,
  path: string,
): Promise<ImportService> {
  const accounts = await readVault(args, io, credentials);
  const staging = new StagingArea(readOnlyAccounts(accounts), systemClock);
  const vault = new VaultService({ dir: dataDirOf(args, io), keychain: null });
  return new ImportService(scriptedDialogs({ open: path }), staging, (file, password) =>
    vault.openFileWithPassword(file, password),
  );
}

async function stage(
  imports: ImportService,
  bytes: Uint8Array,
  path: string,
  credentials: Credentials,
): Promise<StagingView> {
  return withBackupPassword(bytes, path, credentials, async (password) => {
    const file = await imports.openFile();
    if (!file) throw new Error('the import file was not opened');
    return imports.read(file.token, password);
  });
}

interface Summary {
  readonly added: number;
  readonly duplicates: number;
  readonly failed: number;
}

function summarise(view: StagingView, keep: boolean): Summary {
  const duplicates = view.items.filter((i) => i.duplicateOf !== null).length;
  return {
    added: keep ? view.items.length : view.items.length - duplicates,
    duplicates: keep ? 0 : duplicates,
    failed: view.problems.length,
  };
}

function report(view: StagingView, summary: Summary, io: CliIo, dryRun: boolean): void {
  for (const problem of view.problems)
    io.stderr(safe`${problem.source}: ${problem.error.message}\n`);
  for (const item of view.items) {
    if (item.duplicateOf !== null && summary.duplicates > 0) {
      io.stderr(
        safe`${item.source} (${item.issuer}: ${item.name}): already in the vault, skipped\n`,
      );
    }
  }
  const line = `added ${summary.added}, duplicates ${summary.duplicates}, failed ${summary.failed}`;
  io.stdout(dryRun ? `${line} (dry run: nothing was saved)\n` : `${line}\n`);
}

function preview(view: StagingView, summary: Summary) {
  return {
    ...summary,
    dryRun: true,
    accounts: view.items.map((i) => ({
      issuer: i.issuer,
      name: i.name,
      type: i.otp.type,
      duplicate: i.duplicateOf !== null,
      source: i.source,
    })),
    problems: view.problems.map((p) => ({
      source: p.source,
      code: p.error.code,
      message: p.error.message,
    })),
  };
}
