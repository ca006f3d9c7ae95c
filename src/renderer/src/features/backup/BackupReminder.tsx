import type { Account } from '../../../../shared/account';
import { latchkey } from '../../lib/bridge';
import { useBridgeValue } from '../../lib/use-bridge-action';
import './backup.css';

/** A quiet nudge when accounts changed since the last backup of any kind. */
export function BackupReminder({
  accounts,
  onOpen,
}: {
  accounts: readonly Account[];
  onOpen: () => void;
}) {
  // Asked again whenever the accounts change.
  const [status] = useBridgeValue(() => latchkey['backup:status']({}), [accounts]);
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
