import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { VaultStatusView } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { proofFrom, Reauth, type ReauthState } from './Reauth';

/**
 * Shows Google Authenticator transfer QR codes on screen, one part at a time, to move every
 * account to a phone. The codes exist only while this is open.
 */
export function TransferCodes({ status }: { status: VaultStatusView }) {
  const [reauth, setReauth] = useState<ReauthState>({ password: '', confirmed: false });
  const [error, setError] = useState<string | null>(null);
  const [codes, setCodes] = useState<{ images: string[]; left: string[] } | null>(null);
  const [part, setPart] = useState(0);
  const proof = proofFrom(status, reauth);

  useEffect(() => () => setCodes(null), []);

  const show = async () => {
    if (!proof) return;
    const result = await latchkey['backup:transfer-codes']({ reauth: proof, accountIds: null });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    const images = await Promise.all(
      result.value.uris.map((uri) =>
        QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 4, scale: 5 }),
      ),
    );
    setReauth({ password: '', confirmed: false });
    setPart(0);
    setCodes({ images, left: [...result.value.notTransferable] });
  };

  return (
    <div className="card" role="group" aria-labelledby="transfer-title">
      <h3 id="transfer-title">Move to a phone (Google Authenticator)</h3>
      {codes ? (
        <div className="transfer">
          {codes.images.length > 0 ? (
            <>
              <img
                src={codes.images[part]}
                alt={`Transfer code, part ${part + 1} of ${codes.images.length}`}
                data-testid="transfer-code"
              />
              <p>
                Part {part + 1} of {codes.images.length}. In Google Authenticator choose “Transfer
                accounts” → “Import accounts” and scan each part.
              </p>
            </>
          ) : (
            <p>None of your accounts can be moved this way.</p>
          )}
          {codes.left.length > 0 && (
            <p className="hint">
              Not included (Google Authenticator cannot hold them): {codes.left.join(', ')}.
            </p>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="secondary"
              disabled={part === 0}
              onClick={() => setPart((p) => p - 1)}
            >
              Previous
            </button>
            <button
              type="button"
              className="secondary"
              disabled={part >= codes.images.length - 1}
              onClick={() => setPart((p) => p + 1)}
            >
              Next part
            </button>
            <button type="button" className="primary" onClick={() => setCodes(null)}>
              Hide codes
            </button>
          </div>
        </div>
      ) : (
        <div className="stack">
          <p className="hint">
            Shows QR codes (10 accounts each) that Google Authenticator scans to copy your accounts.
            Steam accounts and codes of unusual lengths cannot be moved this way.
          </p>
          <Reauth status={status} state={reauth} onChange={setReauth} error={error} />
          <div className="form-actions">
            <button
              type="button"
              className="secondary"
              disabled={!proof}
              onClick={() => void show()}
            >
              Show transfer codes
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
