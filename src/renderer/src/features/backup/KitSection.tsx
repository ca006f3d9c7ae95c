import { useState, type FormEvent } from 'react';
import type { Account } from '../../../../shared/account';
import type { VaultStatusView } from '../../../../shared/bridge';
import { Section } from '../../ui/Section';
import { useToast } from '../../ui/Toast';
import { AccountPicker } from './AccountPicker';
import { KitOptions, type KitVariant } from './KitOptions';
import { Reauth } from './Reauth';
import { useReauthGate } from './use-reauth-gate';
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
  const gate = useReauthGate(status);
  const toast = useToast();
  const kit = useSaveKit(() => {
    toast('Emergency kit saved. Print it and keep it somewhere safe.');
    gate.reset();
    onSaved();
  }, gate.onError);
  const chosen = accounts.filter((a) => !excluded.has(a.id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const proof = await gate.proof();
    if (!proof) return;
    const ids = chosen.length === accounts.length ? null : chosen.map((a) => a.id);
    await kit.save({ reauth: proof, accountIds: ids, variant, transfer });
  };

  return (
    <Section title="Printable emergency kit (PDF)">
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
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
        <Reauth {...gate.field} error={gate.field.error ?? kit.error} />
        {kit.progress && (
          <p className="hint" role="status">
            {kit.progress}
          </p>
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="primary"
            disabled={!gate.ready || chosen.length === 0 || kit.progress !== null}
          >
            Save emergency kit…
          </button>
        </div>
      </form>
    </Section>
  );
}
