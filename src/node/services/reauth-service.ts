import { randomUUID } from 'node:crypto';
import type { Reauth, ReauthGrant, ReauthReason } from '../../shared/bridge';
import { LatchkeyError } from '../../shared/errors';
import type { Clock } from './ports';
import type { VaultService } from './vault';

/** What re-authentication needs from the vault (a narrow view so tests can see what it uses). */
type VaultCredentials = Pick<VaultService, 'status' | 'verifyPassword'>;

/**
 * How long one re-authentication lets the Backup screen export without asking again. Short on
 * purpose: the page also drops it when the user leaves that screen, and locking drops it.
 */
export const GRANT_MS = 2 * 60_000;

/**
 * The one place that decides whether the user proved it is them again. `dispatch` calls
 * `verify` before every operation whose contract entry states a re-authentication reason, so
 * no handler or service checks proofs on its own.
 */
export class ReauthService {
  #grant: { readonly token: string; readonly until: number } | null = null;

  constructor(
    private readonly vault: VaultCredentials,
    private readonly clock: Clock,
  ) {}

  /**
   * The password when the vault has one (a wrong one counts toward the lockout like an unlock
   * attempt); otherwise the explicit confirmation, as only the keychain protects the vault. A
   * grant (see `grant`) stands in for either, for releasing secrets only, until it runs out.
   */
  async verify(proof: Reauth, reason: ReauthReason): Promise<void> {
    if (proof.method === 'grant') return this.#checkGrant(proof.token, reason);
    const { slots } = await this.vault.status();
    if (!slots.password) return;
    if (proof.method !== 'password') throw new LatchkeyError(requiredError[reason]);
    await this.vault.verifyPassword(proof.password);
  }

  /**
   * After a verified proof (by `dispatch`): a token that proves it again for the next
   * `GRANT_MS`. One at a time: a new grant replaces the old one, and a grant cannot mint the
   * next (it would never run out).
   */
  grant(proof: Reauth): ReauthGrant {
    if (proof.method === 'grant') throw new LatchkeyError('backup.reauth-required');
    const until = this.clock.now() + GRANT_MS;
    this.#grant = { token: randomUUID(), until };
    return { token: this.#grant.token, expiresAt: until };
  }

  /** Forgets the grant: the page left the Backup screen, or the vault locked. */
  drop(): void {
    this.#grant = null;
  }

  #checkGrant(token: string, reason: ReauthReason): void {
    const grant = this.#grant;
    if (reason !== 'releases-secrets') throw new LatchkeyError(requiredError[reason]);
    if (!grant || grant.token !== token) throw new LatchkeyError('backup.reauth-required');
    if (this.clock.now() >= grant.until) {
      this.#grant = null;
      throw new LatchkeyError('backup.reauth-expired');
    }
  }
}

const requiredError = {
  'releases-secrets': 'backup.reauth-required',
  'weakens-protection': 'bridge.reauth-required',
} as const satisfies Record<ReauthReason, string>;
