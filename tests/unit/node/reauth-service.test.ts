import { describe, expect, it, vi } from 'vitest';
import { GRANT_MS, ReauthService } from '../../../src/node/services/reauth-service';
import { LatchkeyError } from '../../../src/shared/errors';

/** A vault seen only through what re-authentication reads: its slots and a password check. */
function vaultWith(slots: { password: boolean; keychain: boolean }) {
  return {
    status: vi.fn(async () => ({ state: 'unlocked' as const, slots, keychainAvailable: true })),
    verifyPassword: vi.fn(async (password: string) => {
      if (password !== 'right') throw new LatchkeyError('vault.wrong-password');
    }),
  };
}

/** A clock the test moves by hand. */
const clock = { at: 1_700_000_000_000, now: () => clock.at };

describe('ReauthService.verify: the one check of "it is still you"', () => {
  it('with a password slot, only the password passes; a confirmation names why it is refused', async () => {
    const vault = vaultWith({ password: true, keychain: true });
    const reauth = new ReauthService(vault, clock);
    await expect(
      reauth.verify({ method: 'password', password: 'right' }, 'releases-secrets'),
    ).resolves.toBeUndefined();
    await expect(
      reauth.verify({ method: 'password', password: 'nope' }, 'releases-secrets'),
    ).rejects.toMatchObject({ code: 'vault.wrong-password' });
    await expect(reauth.verify({ method: 'confirm' }, 'releases-secrets')).rejects.toMatchObject({
      code: 'backup.reauth-required',
    });
    await expect(reauth.verify({ method: 'confirm' }, 'weakens-protection')).rejects.toMatchObject({
      code: 'bridge.reauth-required',
    });
    expect(vault.verifyPassword).toHaveBeenCalledTimes(2);
  });

  it('keychain-only vaults accept the explicit confirmation (there is no password to ask)', async () => {
    const vault = vaultWith({ password: false, keychain: true });
    await expect(
      new ReauthService(vault, clock).verify({ method: 'confirm' }, 'releases-secrets'),
    ).resolves.toBeUndefined();
    expect(vault.verifyPassword).not.toHaveBeenCalled();
  });
});

describe('ReauthService.grant: the Backup screen asks once per visit', () => {
  const password = { method: 'password', password: 'right' } as const;

  it('a grant stands in for the password for releasing secrets, until 2 minutes have passed', async () => {
    const vault = vaultWith({ password: true, keychain: true });
    const reauth = new ReauthService(vault, clock);
    const grant = reauth.grant(password);
    expect(grant.expiresAt - clock.now()).toBe(GRANT_MS);
    expect(GRANT_MS).toBeLessThanOrEqual(2 * 60_000);
    const proof = { method: 'grant', token: grant.token } as const;
    await expect(reauth.verify(proof, 'releases-secrets')).resolves.toBeUndefined();
    clock.at += GRANT_MS - 1;
    await expect(reauth.verify(proof, 'releases-secrets')).resolves.toBeUndefined();
    clock.at += 1;
    await expect(reauth.verify(proof, 'releases-secrets')).rejects.toMatchObject({
      code: 'backup.reauth-expired',
    });
    // The password was asked for only by dispatch before the grant; never by the grant itself.
    expect(vault.verifyPassword).not.toHaveBeenCalled();
  });

  it('dropping (leaving the screen, locking) ends it; a wrong or stale token never passes', async () => {
    const reauth = new ReauthService(vaultWith({ password: true, keychain: true }), clock);
    const first = reauth.grant(password);
    const second = reauth.grant(password);
    await expect(
      reauth.verify({ method: 'grant', token: first.token }, 'releases-secrets'),
    ).rejects.toMatchObject({ code: 'backup.reauth-required' });
    await expect(
      reauth.verify({ method: 'grant', token: 'guessed' }, 'releases-secrets'),
    ).rejects.toMatchObject({ code: 'backup.reauth-required' });
    reauth.drop();
    await expect(
      reauth.verify({ method: 'grant', token: second.token }, 'releases-secrets'),
    ).rejects.toMatchObject({ code: 'backup.reauth-required' });
  });

  it('a grant neither weakens protection nor mints the next grant', async () => {
    const reauth = new ReauthService(vaultWith({ password: true, keychain: true }), clock);
    const { token } = reauth.grant(password);
    await expect(
      reauth.verify({ method: 'grant', token }, 'weakens-protection'),
    ).rejects.toMatchObject({ code: 'bridge.reauth-required' });
    expect(() => reauth.grant({ method: 'grant', token })).toThrow(
      expect.objectContaining({ code: 'backup.reauth-required' }),
    );
  });
});
