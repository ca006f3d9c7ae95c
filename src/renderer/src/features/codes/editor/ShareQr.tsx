import QRCode from 'qrcode';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Account } from '../../../../../shared/account';
import { latchkey } from '../../../lib/bridge';
import { useBridgeAction } from '../../../lib/use-bridge-action';
import { emptyReauth, proofFrom, Reauth } from '../../backup/Reauth';
import { vaultStore } from '../../vault/vault-store';

/**
 * One account as a QR code, to add it on another device. It holds the secret, so it needs
 * the user's password (or confirmation) and disappears as soon as the window loses focus.
 */
export function ShareQr({ account }: { account: Account }) {
  const { status } = useSyncExternalStore(vaultStore.subscribe, vaultStore.getSnapshot);
  const [open, setOpen] = useState(false);
  const [reauth, setReauth] = useState(emptyReauth);
  const [image, setImage] = useState<string | null>(null);
  const share = useBridgeAction(latchkey['accounts:share-uri'], {
    onSuccess: ({ uri }) =>
      void QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 4, scale: 5 }).then(setImage),
  });
  useEffect(() => {
    const hide = () => setImage(null);
    window.addEventListener('blur', hide);
    return () => window.removeEventListener('blur', hide);
  }, []);
  if (!status) return null;
  const proof = proofFrom(status, reauth);
  if (image) {
    return (
      <div className="share-qr stack">
        <img
          src={image}
          alt={`QR code for ${account.issuer || account.name}`}
          data-testid="share-qr"
        />
        <p className="hint">Scan it with the other device. It hides when you leave this window.</p>
        <button type="button" className="secondary small" onClick={() => setImage(null)}>
          Hide QR code
        </button>
      </div>
    );
  }
  if (!open) {
    return (
      <button type="button" className="secondary small" onClick={() => setOpen(true)}>
        Show QR code…
      </button>
    );
  }
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (proof)
          void share.run({ id: account.id, reauth: proof }).then(() => setReauth(emptyReauth));
      }}
    >
      <Reauth status={status} state={reauth} onChange={setReauth} error={share.error} />
      <button type="submit" className="secondary small" disabled={!proof || share.busy}>
        Show QR code
      </button>
    </form>
  );
}
