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
import { Reauth } from './Reauth';
import { useReauthGate } from './use-reauth-gate';

/** A password-protected export in Aegis's format (Latchkey and Aegis both import it). */
export function AegisSection({
  status,
  onSaved,
}: {
  status: VaultStatusView;
  onSaved: () => void;
}) {
  const [pw, setPw] = useState<NewPassword>(emptyNewPassword);
  const gate = useReauthGate(status);
  const toast = useToast();
  const save = useBridgeAction(latchkey['backup:export-aegis'], {
    onSuccess: ({ saved }) => {
      if (!saved) return;
      toast('Encrypted backup saved');
      setPw(emptyNewPassword);
      gate.reset();
      onSaved();
    },
    onError: gate.onError,
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = newPasswordProblem(pw, 'backup password');
    if (problem) return save.fail(problem);
    const proof = await gate.proof();
    if (proof) await save.run({ reauth: proof, backupPassword: pw.password });
  };
  return (
    <Section title="Encrypted backup file (Aegis format)">
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
        <p className="hint">
          A password-protected file that Latchkey and Aegis (Android) can import.
        </p>
        <NewPasswordFields
          value={pw}
          onChange={setPw}
          label="Backup password"
          repeatLabel="Repeat the backup password"
        />
        <Reauth {...gate.field} error={gate.field.error ?? save.error} />
        <div className="form-actions">
          <button
            type="submit"
            className="primary"
            disabled={!gate.ready || pw.password === '' || save.busy}
          >
            Save encrypted backup…
          </button>
        </div>
      </form>
    </Section>
  );
}
