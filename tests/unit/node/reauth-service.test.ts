import { describe, expect, it, vi } from 'vitest';
import { ReauthService } from '../../../src/node/services/reauth-service';
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

describe('ReauthService.verify: the one check of "it is still you"', () => {
  it('with a password slot, only the password passes; a confirmation names why it is refused', async () => {
    const vault = vaultWith({ password: true, keychain: true });
    const reauth = new ReauthService(vault);
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
      new ReauthService(vault).verify({ method: 'confirm' }, 'releases-secrets'),
    ).resolves.toBeUndefined();
    expect(vault.verifyPassword).not.toHaveBeenCalled();
  });
});
