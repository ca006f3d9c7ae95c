import { useId, useState, useSyncExternalStore } from 'react';
import type { Account } from '../../../../shared/account';
import { latchkey } from '../../lib/bridge';
import { proofFrom, Reauth, type ReauthState } from '../backup/Reauth';
import { useToast } from '../toast/Toast';
import { vaultStore } from '../vault/vault-store';
import { ErrorText } from '../../lib/ErrorText';

/**
 * The service's recovery codes for one account: paste the block it gave you, see how many are
 * left, reveal them (after confirming it is you) and tick the ones you used.
 */
export function RecoveryCodes({ account }: { account: Account }) {
  const { status } = useSyncExternalStore(vaultStore.subscribe, vaultStore.getSnapshot);
  const [block, setBlock] = useState('');
  const [editing, setEditing] = useState(account.recovery.total === 0);
  const [codes, setCodes] = useState<{ code: string; used: boolean }[] | null>(null);
  const [reauth, setReauth] = useState<ReauthState>({ password: '', confirmed: false });
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const blockId = useId();
  const { total, unused } = account.recovery;
  const low = total > 0 && unused <= 2;

  const save = async () => {
    const result = await latchkey['recovery:set']({ id: account.id, block });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setBlock('');
    setEditing(false);
    setCodes(null);
    toast(`Saved ${result.value.recovery.total} recovery codes`);
  };

  const reveal = async () => {
    if (!status) return;
    const proof = proofFrom(status, reauth);
    if (!proof) return;
    const result = await latchkey['recovery:reveal']({ id: account.id, reauth: proof });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setReauth({ password: '', confirmed: false });
    setCodes([...result.value]);
  };

  const removeAll = async () => {
    const result = await latchkey['recovery:remove']({ id: account.id });
    if (!result.ok) return toast(result.error.message, 'error');
    setCodes(null);
    setEditing(true);
    toast('Recovery codes deleted');
  };

  const mark = async (index: number, used: boolean) => {
    const apply = (value: boolean) =>
      setCodes((list) => list?.map((c, i) => (i === index ? { ...c, used: value } : c)) ?? null);
    apply(used);
    // By position in the revealed list, never by value (see recovery:mark).
    const result = await latchkey['recovery:mark']({ id: account.id, index, used });
    if (!result.ok) {
      apply(!used);
      toast(result.error.message, 'error');
    }
  };

  return (
    <div className="recovery" data-testid="recovery">
      <h3>Recovery codes</h3>
      {total > 0 && (
        <p className={low ? 'field-error' : 'hint'} data-testid="recovery-summary">
          {unused} of {total} left{low && ' — get new ones from the service soon'}
        </p>
      )}
      {codes && (
        <ul className="recovery-list">
          {codes.map((c, index) => (
            <li key={c.code}>
              <label className="inline">
                <input
                  type="checkbox"
                  checked={c.used}
                  onChange={(e) => void mark(index, e.target.checked)}
                />{' '}
                <code className={c.used ? 'used' : ''}>{c.code}</code>
              </label>
            </li>
          ))}
        </ul>
      )}
      {total > 0 && !codes && status && (
        <div className="stack">
          <Reauth status={status} state={reauth} onChange={setReauth} error={error} />
          <div className="form-actions">
            <button
              type="button"
              className="secondary small"
              disabled={!proofFrom(status, reauth)}
              onClick={() => void reveal()}
            >
              Show codes
            </button>
            <button type="button" className="secondary small" onClick={() => setEditing(true)}>
              Replace…
            </button>
            <button
              type="button"
              className="secondary small danger"
              onClick={() => void removeAll()}
            >
              Delete codes
            </button>
          </div>
        </div>
      )}
      {editing && (
        <div className="field">
          <label htmlFor={blockId}>Paste the recovery codes the service gave you</label>
          <textarea
            id={blockId}
            rows={4}
            spellCheck={false}
            value={block}
            onChange={(e) => setBlock(e.target.value)}
          />
          <ErrorText message={total === 0 && error} />
          <div className="form-actions">
            <button
              type="button"
              className="primary small"
              disabled={block.trim() === ''}
              onClick={() => void save()}
            >
              Save recovery codes
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
