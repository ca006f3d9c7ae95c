import { useId } from 'react';
// The shared proof type is named like this component, so it goes by another name here.
import type { Reauth as ReauthProof, VaultStatusView } from '../../../../shared/bridge';
import { PasswordField } from '../../ui/PasswordField';

export interface ReauthState {
  readonly password: string;
  readonly confirmed: boolean;
}

export const emptyReauth: ReauthState = { password: '', confirmed: false };

export function proofFrom(status: VaultStatusView, state: ReauthState): ReauthProof | null {
  if (status.slots.password)
    return state.password ? { method: 'password', password: state.password } : null;
  return state.confirmed ? { method: 'confirm' } : null;
}

interface Props {
  readonly status: VaultStatusView;
  readonly state: ReauthState;
  readonly onChange: (s: ReauthState) => void;
  readonly error?: string | null;
  /** The user already proved it on this screen: nothing to ask. */
  readonly granted?: boolean;
}

/** Asks the user to prove it is them before secrets leave the vault. */
export function Reauth({ status, state, onChange, error, granted = false }: Props) {
  const id = useId();
  if (granted) return null;
  if (status.slots.password) {
    return (
      <PasswordField
        label="Your Latchkey password"
        value={state.password}
        onChange={(password) => onChange({ ...state, password })}
        autoComplete="current-password"
        error={error ?? null}
      />
    );
  }
  return (
    <div className="choice">
      <input
        id={id}
        type="checkbox"
        checked={state.confirmed}
        onChange={(e) => onChange({ ...state, confirmed: e.target.checked })}
      />
      <label htmlFor={id}>I am at this computer and want to export my secrets</label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
