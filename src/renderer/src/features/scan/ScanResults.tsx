import { useState } from 'react';
import type { StagedAccountView } from '../../../../shared/staging';
import { latchkey } from '../../lib/bridge';
import { useToast } from '../../ui/Toast';
import type { ScanState } from './scan-session';
import { scanSession } from './scan-session';
import { deletePicture } from './delete-picture';
import { useBridgeAction } from '../../lib/use-bridge-action';

function kind(item: StagedAccountView): string {
  switch (item.otp.type) {
    case 'totp':
      return `${item.otp.digits} digits, every ${item.otp.period} s${item.otp.algorithm === 'SHA1' ? '' : `, ${item.otp.algorithm}`}`;
    case 'hotp':
      return `counter-based, ${item.otp.digits} digits`;
    case 'steam':
      return 'Steam Guard';
  }
}

/** What a scan found: pick the accounts to add; duplicates are marked and left out by default. */
export function ScanResults({
  state,
  onAdded,
}: {
  state: ScanState;
  onAdded: (count: number) => void;
}) {
  const { view, thumbnails, offerDelete } = state;
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const [keepBoth, setKeepBoth] = useState<ReadonlySet<string>>(new Set());
  const toast = useToast();
  const addStaged = useBridgeAction(latchkey['staging:add'], {
    toastErrors: true,
    onSuccess: ({ added }) => onAdded(added),
  });
  if (!view) return null;
  const { items, problems, batches } = view;
  const chosen = items.filter(
    (i) => !unchecked.has(i.key) && (i.duplicateOf === null || keepBoth.has(i.key)),
  );

  const toggle = (set: ReadonlySet<string>, key: string) => {
    const next = new Set(set);
    if (!next.delete(key)) next.add(key);
    return next;
  };

  const add = () =>
    addStaged.run({ choices: chosen.map((i) => ({ key: i.key })), keepDuplicates: true });

  const deleteFile = async () => {
    if (!offerDelete) return;
    scanSession.offerDelete(null);
    await deletePicture(offerDelete, toast);
  };

  return (
    <section className="scan-results" aria-labelledby="found-title">
      <h3 id="found-title">
        {items.length === 1 ? 'Found 1 account' : `Found ${items.length} accounts`}
      </h3>
      {batches
        .filter((b) => b.missing.length > 0)
        .map((b) => (
          <div key={b.id} className="notice" role="status" data-testid="batch-missing">
            Google Authenticator export: scanned part {b.received.join(', ')} of {b.size}. Still
            missing: part {b.missing.join(', ')}. Show the next code on your phone and scan again.
          </div>
        ))}
      {batches
        .filter((b) => b.missing.length === 0 && b.size > 1)
        .map((b) => (
          <p key={b.id} className="hint" data-testid="batch-complete">
            All {b.size} parts of the Google Authenticator export are in.
          </p>
        ))}
      {items.length > 0 && (
        <ul className="found-list">
          {items.map((item) => {
            const picture = thumbnails.get(item.key);
            const duplicate = item.duplicateOf !== null;
            const id = `found-${item.key}`;
            return (
              <li key={item.key} className="found-item" data-testid="found-item">
                <input
                  type="checkbox"
                  id={id}
                  checked={!unchecked.has(item.key) && (!duplicate || keepBoth.has(item.key))}
                  onChange={() =>
                    duplicate
                      ? setKeepBoth((s) => toggle(s, item.key))
                      : setUnchecked((s) => toggle(s, item.key))
                  }
                />
                {picture ? (
                  <img src={picture} alt="" width={48} height={48} />
                ) : (
                  <span className="thumb-placeholder" aria-hidden="true" />
                )}
                <label htmlFor={id}>
                  <strong>{item.issuer || item.name || 'Unnamed account'}</strong>
                  {item.issuer && item.name && <span className="hint"> {item.name}</span>}
                  <span className="hint">
                    {' '}
                    · {kind(item)} · {item.source}
                  </span>
                  {duplicate && (
                    <span className="badge" data-testid="duplicate">
                      Already in Latchkey{keepBoth.has(item.key) ? ' — keeping both' : ''}
                    </span>
                  )}
                  {item.warnings.map((w) => (
                    <span key={w} className="hint warning">
                      {w}
                    </span>
                  ))}
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {problems.map((p, i) => (
        <div key={i} className="notice notice-danger" data-testid="scan-problem">
          <strong>{p.source}:</strong> {p.error.message}
          {p.excerpt && <code className="excerpt">{p.excerpt}</code>}
        </div>
      ))}
      {offerDelete && (
        <div className="notice" role="status">
          The codes in <strong>{offerDelete.name}</strong> are read. A picture of a QR code is as
          sensitive as a password.{' '}
          <button type="button" className="secondary small" onClick={() => void deleteFile()}>
            Delete the picture
          </button>{' '}
          <button
            type="button"
            className="secondary small"
            onClick={() => scanSession.offerDelete(null)}
          >
            Keep it
          </button>
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="secondary" onClick={() => void scanSession.reset()}>
          Clear
        </button>
        <button
          type="button"
          className="primary"
          disabled={chosen.length === 0}
          onClick={() => void add()}
        >
          {chosen.length === 1 ? 'Add 1 account' : `Add ${chosen.length} accounts`}
        </button>
      </div>
    </section>
  );
}
