import { useState, type FormEvent } from 'react';
import type { VaultStatusView } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { useBridgeAction } from '../../lib/use-bridge-action';
import {
  emptyNewPassword,
  newPasswordProblem,
  NewPasswordFields,
  type NewPassword,
} from '../../ui/NewPasswordFields';
import { Section } from '../../ui/Section';
import { useToast } from '../../ui/Toast';
import { emptyReauth, proofFrom, Reauth } from './Reauth';

/** A password-protected export in Aegis's format (Latchkey and Aegis both import it). */
export function AegisSection({
  status,
  onSaved,
}: {
  status: VaultStatusView;
  onSaved: () => void;
}) {
  const [pw, setPw] = useState<NewPassword>(emptyNewPassword);
  const [reauth, setReauth] = useState(emptyReauth);
  const toast = useToast();
  const proof = proofFrom(status, reauth);
  const save = useBridgeAction(latchkey['backup:export-aegis'], {
    onSuccess: ({ saved }) => {
      if (!saved) return;
      toast('Encrypted backup saved');
      setPw(emptyNewPassword);
      setReauth(emptyReauth);
      onSaved();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!proof) return;
    const problem = newPasswordProblem(pw, 'backup password');
    if (problem) return save.fail(problem);
    void save.run({ reauth: proof, backupPassword: pw.password });
  };
  return (
    <Section title="Encrypted backup file (Aegis format)">
      <form onSubmit={submit} noValidate className="stack">
        <p className="hint">
          A password-protected file that Latchkey and Aegis (Android) can import.
        </p>
        <NewPasswordFields
          value={pw}
          onChange={setPw}
          label="Backup password"
          repeatLabel="Repeat the backup password"
        />
        <Reauth status={status} state={reauth} onChange={setReauth} error={save.error} />
        <div className="form-actions">
          <button
            type="submit"
            className="primary"
            disabled={!proof || pw.password === '' || save.busy}
          >
            Save encrypted backup…
          </button>
        </div>
      </form>
    </Section>
  );
}
