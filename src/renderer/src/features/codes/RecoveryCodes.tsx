import type { Account } from '../../../../shared/account';
import { Reauth } from '../backup/Reauth';
import { RecoveryBlockForm } from './RecoveryBlockForm';
import { RecoveryCodeList } from './RecoveryCodeList';
import { useRecoveryCodes } from './use-recovery-codes';

/**
 * The service's recovery codes for one account: paste the block it gave you, see how many are
 * left, reveal them (after confirming it is you) and tick the ones you used.
 */
export function RecoveryCodes({ account }: { account: Account }) {
  const recovery = useRecoveryCodes(account);
  const { status, codes, error } = recovery;
  const { total, unused } = account.recovery;
  const low = total > 0 && unused <= 2;

  return (
    <div className="recovery" data-testid="recovery">
      <h3>Recovery codes</h3>
      {total > 0 && (
        <p className={low ? 'field-error' : 'hint'} data-testid="recovery-summary">
          {unused} of {total} left{low && ' — get new ones from the service soon'}
        </p>
      )}
      {codes && (
        <RecoveryCodeList codes={codes} onMark={(i, used) => void recovery.mark(i, used)} />
      )}
      {total > 0 && !codes && status && (
        <div className="stack">
          <Reauth
            status={status}
            state={recovery.reauth}
            onChange={recovery.setReauth}
            error={error}
          />
          <div className="form-actions">
            <button
              type="button"
              className="secondary small"
              disabled={!recovery.proof}
              onClick={() => void recovery.reveal()}
            >
              Show codes
            </button>
            <button type="button" className="secondary small" onClick={recovery.startEditing}>
              Replace…
            </button>
            <button
              type="button"
              className="secondary small danger"
              onClick={() => void recovery.removeAll()}
            >
              Delete codes
            </button>
          </div>
        </div>
      )}
      {recovery.editing && (
        <RecoveryBlockForm
          block={recovery.block}
          onChange={recovery.setBlock}
          error={total === 0 && error}
          onSave={() => void recovery.save()}
        />
      )}
    </div>
  );
}
