import { useId, useState } from 'react';
import type { BackupStatusView } from '../../../../shared/backup';
import { latchkey } from '../../lib/bridge';
import { useBridgeAction } from '../../lib/use-bridge-action';
import { Section } from '../../ui/Section';

const KEEP_CHOICES = [3, 5, 10, 20, 50] as const;

interface Props {
  readonly backup: BackupStatusView;
  readonly onChange: (backup: BackupStatusView) => void;
}

/** Encrypted copies of the vault written to a folder the user chose, after every change. */
export function AutoBackupSection({ backup, onChange }: Props) {
  const [keep, setKeep] = useState(String(backup.autoBackup?.keep ?? 10));
  const id = useId();
  const set = useBridgeAction(latchkey['backup:set-auto'], {
    onSuccess: onChange,
    toastErrors: true,
  });
  return (
    <Section title="Automatic backups">
      <p className="hint">
        After every change, an encrypted copy of your vault is written to a folder you choose (for
        example a USB stick or a synced folder). Opening a copy needs your Latchkey password.
      </p>
      {backup.autoBackup ? (
        <>
          <p data-testid="auto-backup-folder">
            Writing to <code>{backup.autoBackup.folder}</code>, keeping the newest{' '}
            {backup.autoBackup.keep}.
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="secondary"
              onClick={() => void set.run({ keep: null })}
            >
              Turn off
            </button>
          </div>
        </>
      ) : (
        <div className="form-actions">
          <label htmlFor={id}>Keep</label>
          <select id={id} value={keep} onChange={(e) => setKeep(e.target.value)}>
            {KEEP_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n} copies
              </option>
            ))}
          </select>
          <button
            type="button"
            className="secondary"
            disabled={!backup.canAutoBackup || set.busy}
            onClick={() => void set.run({ keep: Number(keep) })}
          >
            Choose folder and turn on…
          </button>
          {!backup.canAutoBackup && (
            <p className="hint">
              Set a password first (Settings): only a password opens a copy elsewhere.
            </p>
          )}
        </div>
      )}
    </Section>
  );
}
