import { ImportService } from '../../node/services/import-service';
import type { StagingView } from '../../shared/staging';
import { loadCredentials, type Credentials } from '../credentials';
import { EXIT, type CliIo } from '../io';
import { ArgsError, type Parsed } from '../options';
import { safe, safeJson } from '../terminal';
import { scriptedDialogs, withVaultForWriting } from '../vault-access';
import { readBackupFile, withBackupPassword } from './backup-file';

/**
 * `latchkey import <file> --into-vault`: the app's own import path — ImportService reads the
 * file into the StagingArea (the preview, with its duplicate check), and the StagingArea's
 * commit writes every non-duplicate in one save. `--dry-run` runs the same preview and saves
 * nothing, so it needs no write lock and is safe while the app runs.
 */
export async function importIntoVault(args: Parsed, path: string, io: CliIo): Promise<number> {
  const credentials = await loadCredentials(args, io, { aliasFor: 'backup', stdinFor: 'backup' });
  const bytes = await readBackupFile(path);
  const keep = args.flag('keep-duplicates');
  const dryRun = args.flag('dry-run');
  if (args.flag('json') && !dryRun) throw new ArgsError('--json goes with --dry-run');
  return withVaultForWriting(
    args,
    io,
    credentials,
    async ({ services }) => {
      const view = await stage(services.imports, bytes, path, credentials);
      const summary = summarise(view, keep);
      if (dryRun && args.flag('json')) {
        io.stdout(`${safeJson(preview(view, summary))}\n`);
      } else {
        if (!dryRun) {
          const chosen = view.items.filter((i) => keep || i.duplicateOf === null);
          await services.staging.commit(
            chosen.map((i) => ({ key: i.key })),
            keep,
          );
        }
        report(view, summary, io, dryRun);
      }
      return view.items.length > 0 ? EXIT.ok : EXIT.notFound;
    },
    { dialogs: scriptedDialogs({ open: path }), readOnly: dryRun },
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
