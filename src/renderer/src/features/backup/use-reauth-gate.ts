import { useState } from 'react';
import type { Reauth, VaultStatusView } from '../../../../shared/bridge';
import type { ErrorInfo } from '../../../../shared/errors';
import { asksForProof, useBackupAccess } from './backup-access';
import { emptyReauth, proofFrom, type ReauthState } from './Reauth';

/**
 * One export's re-authentication on the Backup screen: the field's state while no grant is
 * active, whether the export may run, and the proof to send (the screen's grant, minted from
 * what was typed the first time).
 */
export function useReauthGate(status: VaultStatusView) {
  const access = useBackupAccess();
  const [state, setState] = useState<ReauthState>(emptyReauth);
  const [error, setError] = useState<string | null>(null);
  const typed = proofFrom(status, state);
  const granted = access.grant !== null;

  /** The proof for the next call, or null (with the reason shown at the field). */
  const proof = async (): Promise<Reauth | null> => {
    setError(null);
    if (!granted && !typed) return null;
    const result = await access.prove(typed ?? { method: 'confirm' });
    if (result.ok) return result.value;
    setError(result.error.message);
    return null;
  };
  /** For an export's failure: a refused grant brings the field back. */
  const onError = (failure: ErrorInfo) => {
    if (asksForProof(failure)) access.forget();
  };
  const reset = () => setState(emptyReauth);

  return {
    ready: granted || typed !== null,
    field: { status, state, onChange: setState, error, granted },
    proof,
    onError,
    reset,
  } as const;
}
