import type { VaultStatusView } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { useBridgeAction, useBridgeValue } from '../../lib/use-bridge-action';
import { Notice } from '../../ui/Notice';

/**
 * After the password (or the way to unlock) changed: automatic backups written before still
 * open with what was replaced. Says so, and offers to replace them with a current copy.
 */
export function OldBackupsNotice({ status }: { status: VaultStatusView }) {
  // Asked again whenever the vault's status changes (a new password gives a new status).
  const [backup, setBackup] = useBridgeValue(() => latchkey['backup:status']({}), [status]);
  const replace = useBridgeAction(latchkey['backup:replace-old-auto'], { onSuccess: setBackup });
  const count = backup?.oldKeyAutoBackups ?? 0;
  if (!backup?.autoBackup || count === 0) return null;
  return (
    <Notice role="status" testId="old-auto-backups">
      <p>
        {count === 1 ? '1 automatic backup' : `${count} automatic backups`} in{' '}
        <code>{backup.autoBackup.folder}</code> {count === 1 ? 'was' : 'were'} written before your
        password changed, and still {count === 1 ? 'opens' : 'open'} with the old password.
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="secondary"
          disabled={replace.busy}
          onClick={() => void replace.run({})}
        >
          Replace them with a current copy
        </button>
      </div>
    </Notice>
  );
}
