import { useState, type FormEvent } from 'react';
import type { Account } from '../../../../shared/account';
import type { VaultStatusView } from '../../../../shared/bridge';
import { Section } from '../../ui/Section';
import { useToast } from '../../ui/Toast';
import { AccountPicker } from './AccountPicker';
import { KitOptions, type KitVariant } from './KitOptions';
import { emptyReauth, proofFrom, Reauth } from './Reauth';
import { useSaveKit } from './use-save-kit';

interface Props {
  readonly status: VaultStatusView;
  readonly accounts: readonly Account[];
  readonly onSaved: () => void;
}

/** The printable emergency kit: choose what and whose, prove it is you, save the PDF. */
export function KitSection({ status, accounts, onSaved }: Props) {
  const [variant, setVariant] = useState<KitVariant>('full');
  const [transfer, setTransfer] = useState(false);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [reauth, setReauth] = useState(emptyReauth);
  const toast = useToast();
  const kit = useSaveKit(() => {
    toast('Emergency kit saved. Print it and keep it somewhere safe.');
    setReauth(emptyReauth);
    onSaved();
  });
  const chosen = accounts.filter((a) => !excluded.has(a.id));
  const proof = proofFrom(status, reauth);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!proof) return;
    const ids = chosen.length === accounts.length ? null : chosen.map((a) => a.id);
    void kit.save({ reauth: proof, accountIds: ids, variant, transfer });
  };

  return (
    <Section title="Printable emergency kit (PDF)">
      <form onSubmit={submit} noValidate className="stack">
        <p className="hint">
          Each account’s QR code, its setup key and its recovery codes, on paper. Anyone holding it
          can sign in as you: store it like cash.
        </p>
        <KitOptions
          variant={variant}
          onVariant={setVariant}
          transfer={transfer}
          onTransfer={setTransfer}
        />
        <AccountPicker accounts={accounts} excluded={excluded} onChange={setExcluded} />
        <Reauth status={status} state={reauth} onChange={setReauth} error={kit.error} />
        {kit.progress && (
          <p className="hint" role="status">
            {kit.progress}
          </p>
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="primary"
            disabled={!proof || chosen.length === 0 || kit.progress !== null}
          >
            Save emergency kit…
          </button>
        </div>
      </form>
    </Section>
  );
}
