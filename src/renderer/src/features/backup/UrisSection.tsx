import { useId, useState, type FormEvent } from 'react';
import type { VaultStatusView } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { useBridgeAction } from '../../lib/use-bridge-action';
import { Notice } from '../../ui/Notice';
import { Section } from '../../ui/Section';
import { useToast } from '../../ui/Toast';
import { Reauth } from './Reauth';
import { useReauthGate } from './use-reauth-gate';

/** Every account as a plain otpauth:// link, behind a warning: the file is not protected. */
export function UrisSection({ status, onSaved }: { status: VaultStatusView; onSaved: () => void }) {
  const [understood, setUnderstood] = useState(false);
  const gate = useReauthGate(status);
  const toast = useToast();
  const id = useId();
  const save = useBridgeAction(latchkey['backup:export-uris'], {
    onSuccess: ({ saved }) => {
      if (!saved) return;
      toast('Links saved. Delete the file once you have used it.');
      gate.reset();
      onSaved();
    },
    onError: gate.onError,
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const proof = await gate.proof();
    if (proof) await save.run({ reauth: proof });
  };
  return (
    <Section title="Plain list of links (not encrypted)">
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
        <Notice tone="danger">
          This file holds every secret in the clear: anyone who reads it can generate your codes.
          Use it only to move to another app, then delete it.
        </Notice>
        <div className="choice">
          <input
            id={id}
            type="checkbox"
            checked={understood}
            onChange={(e) => setUnderstood(e.target.checked)}
          />
          <label htmlFor={id}>I understand the file is not protected</label>
        </div>
        {understood && <Reauth {...gate.field} error={gate.field.error ?? save.error} />}
        <div className="form-actions">
          <button
            type="submit"
            className="secondary"
            disabled={!understood || !gate.ready || save.busy}
          >
            Save links…
          </button>
        </div>
      </form>
    </Section>
  );
}
