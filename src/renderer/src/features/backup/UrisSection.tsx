import { useId, useState, type FormEvent } from 'react';
import type { VaultStatusView } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { useBridgeAction } from '../../lib/use-bridge-action';
import { Notice } from '../../ui/Notice';
import { Section } from '../../ui/Section';
import { useToast } from '../../ui/Toast';
import { emptyReauth, proofFrom, Reauth } from './Reauth';

/** Every account as a plain otpauth:// link, behind a warning: the file is not protected. */
export function UrisSection({ status, onSaved }: { status: VaultStatusView; onSaved: () => void }) {
  const [understood, setUnderstood] = useState(false);
  const [reauth, setReauth] = useState(emptyReauth);
  const toast = useToast();
  const proof = proofFrom(status, reauth);
  const id = useId();
  const save = useBridgeAction(latchkey['backup:export-uris'], {
    onSuccess: ({ saved }) => {
      if (!saved) return;
      toast('Links saved. Delete the file once you have used it.');
      setReauth(emptyReauth);
      onSaved();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (proof) void save.run({ reauth: proof });
  };
  return (
    <Section title="Plain list of links (not encrypted)">
      <form onSubmit={submit} noValidate className="stack">
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
        {understood && (
          <Reauth status={status} state={reauth} onChange={setReauth} error={save.error} />
        )}
        <div className="form-actions">
          <button type="submit" className="secondary" disabled={!understood || !proof || save.busy}>
            Save links…
          </button>
        </div>
      </form>
    </Section>
  );
}
