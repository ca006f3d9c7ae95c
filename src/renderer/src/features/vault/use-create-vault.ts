import { useState } from 'react';
import type { VaultStatusView } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { useBridgeAction } from '../../lib/use-bridge-action';
import { emptyNewPassword, newPasswordProblem, type NewPassword } from '../../ui/NewPasswordFields';
import type { OpenMethod } from './open-method';
import { vaultStore } from './vault-store';

/**
 * The first-run choices (how the vault opens, and its password when one is needed) and
 * creating the vault from them. Nothing is stored until `create` runs.
 */
export function useCreateVault(status: VaultStatusView) {
  const [method, setMethod] = useState<OpenMethod>(status.keychainAvailable ? 'both' : 'password');
  const [password, setPassword] = useState<NewPassword>(emptyNewPassword);
  const needsPassword = method !== 'keychain';
  const action = useBridgeAction(latchkey['vault:create'], {
    onSuccess: (status) => vaultStore.setStatus(status),
  });

  const create = () => {
    const problem = needsPassword ? newPasswordProblem(password) : null;
    if (problem) return action.fail(problem);
    void action.run({
      keychain: method !== 'password',
      ...(needsPassword && { password: password.password }),
    });
  };

  return {
    method,
    setMethod,
    password,
    setPassword,
    needsPassword,
    create,
    busy: action.busy,
    error: action.error,
  } as const;
}
