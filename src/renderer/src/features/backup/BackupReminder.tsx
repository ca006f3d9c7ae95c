import { useEffect, useState } from 'react';
import type { Account } from '../../../../shared/account';
import type { BackupStatusView } from '../../../../shared/backup';
import { latchkey } from '../../lib/bridge';
import './backup.css';

/** A quiet nudge when accounts changed since the last backup of any kind. */
export function BackupReminder({
  accounts,
  onOpen,
}: {
  accounts: readonly Account[];
  onOpen: () => void;
}) {
  const [status, setStatus] = useState<BackupStatusView | null>(null);
  useEffect(() => {
    let live = true;
    void latchkey['backup:status']({}).then((r) => live && r.ok && setStatus(r.value));
    return () => {
      live = false;
    };
  }, [accounts]);
  if (!status?.changedSinceBackup) return null;
  return (
    <div className="notice reminder" role="status" data-testid="backup-reminder">
      {status.lastBackup
        ? 'Your accounts changed since your last backup.'
        : 'You have no backup yet. Losing this computer would lock you out.'}{' '}
      <button type="button" className="secondary small" onClick={onOpen}>
        Back up now
      </button>
    </div>
  );
}
