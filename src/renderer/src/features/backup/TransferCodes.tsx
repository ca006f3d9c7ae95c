import QRCode from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import type { VaultStatusView } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { useBridgeAction } from '../../lib/use-bridge-action';
import { Section } from '../../ui/Section';
import { Reauth } from './Reauth';
import { TransferViewer, type TransferImages } from './TransferViewer';
import { useReauthGate } from './use-reauth-gate';

const toImage = (uri: string) =>
  QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 4, scale: 5 });

/**
 * Shows Google Authenticator transfer QR codes on screen, one part at a time, to move every
 * account to a phone. The codes exist only while this is open.
 */
export function TransferCodes({ status }: { status: VaultStatusView }) {
  const gate = useReauthGate(status);
  const [codes, setCodes] = useState<TransferImages | null>(null);
  const load = useBridgeAction(latchkey['backup:transfer-codes'], {
    onError: gate.onError,
    onSuccess: async ({ uris, notTransferable }) => {
      gate.reset();
      setCodes({ images: await Promise.all(uris.map(toImage)), left: [...notTransferable] });
    },
  });
  useEffect(() => () => setCodes(null), []);

  const show = async (event: FormEvent) => {
    event.preventDefault();
    const proof = await gate.proof();
    if (proof) await load.run({ reauth: proof, accountIds: null });
  };

  return (
    <Section title="Move to a phone (Google Authenticator)">
      {codes ? (
        <TransferViewer codes={codes} onHide={() => setCodes(null)} />
      ) : (
        <form className="stack" onSubmit={(e) => void show(e)} noValidate>
          <p className="hint">
            Shows QR codes (10 accounts each) that Google Authenticator scans to copy your accounts.
            Steam accounts and codes of unusual lengths cannot be moved this way.
          </p>
          <Reauth {...gate.field} error={gate.field.error ?? load.error} />
          <div className="form-actions">
            <button type="submit" className="secondary" disabled={!gate.ready || load.busy}>
              Show transfer codes
            </button>
          </div>
        </form>
      )}
    </Section>
  );
}
