import type { BackupStatusView } from '../../../../shared/backup';

/** When the last backup was made, and whether anything changed since. */
export function LastBackup({ backup }: { backup: BackupStatusView }) {
  return (
    <p className="hint" data-testid="last-backup">
      {backup.lastBackup
        ? `Last backup: ${new Date(backup.lastBackup.at).toLocaleString()} (${backup.lastBackup.kind}).`
        : 'No backup yet.'}{' '}
      {backup.changedSinceBackup && 'Your accounts changed since then.'}
    </p>
  );
}
