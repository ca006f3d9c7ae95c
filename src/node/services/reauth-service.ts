import type { Reauth, ReauthReason } from '../../shared/bridge';
import { LatchkeyError } from '../../shared/errors';
import type { VaultService } from './vault';

/** What re-authentication needs from the vault (a narrow view so tests can see what it uses). */
type VaultCredentials = Pick<VaultService, 'status' | 'verifyPassword'>;

/**
 * The one place that decides whether the user proved it is them again. `dispatch` calls
 * `verify` before every operation whose contract entry states a re-authentication reason, so
 * no handler or service checks proofs on its own.
 */
export class ReauthService {
  constructor(private readonly vault: VaultCredentials) {}

  /**
   * The password when the vault has one (a wrong one counts toward the lockout like an unlock
   * attempt); otherwise the explicit confirmation, as only the keychain protects the vault.
   */
  async verify(proof: Reauth, reason: ReauthReason): Promise<void> {
    const { slots } = await this.vault.status();
    if (!slots.password) return;
    if (proof.method !== 'password') throw new LatchkeyError(requiredError[reason]);
    await this.vault.verifyPassword(proof.password);
  }
}

const requiredError = {
  'releases-secrets': 'backup.reauth-required',
  'weakens-protection': 'bridge.reauth-required',
} as const satisfies Record<ReauthReason, string>;
