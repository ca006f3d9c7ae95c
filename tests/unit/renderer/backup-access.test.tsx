// @vitest-environment happy-dom
import { answers, calls } from './setup';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { VaultStatusView } from '../../../src/shared/bridge';
import { BackupAccessProvider } from '../../../src/renderer/src/features/backup/backup-access';
import { useReauthGate } from '../../../src/renderer/src/features/backup/use-reauth-gate';

const status: VaultStatusView = {
  state: 'unlocked',
  slots: { keychain: true, password: true },
  keychainAvailable: true,
  lockedOutUntil: null,
  damaged: null,
};

/** Two exports on one Backup screen, sharing the screen's grant. */
function twoExports() {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <BackupAccessProvider>{children}</BackupAccessProvider>
  );
  return renderHook(() => ({ kit: useReauthGate(status), aegis: useReauthGate(status) }), {
    wrapper,
  });
}

describe('the Backup screen’s one re-authentication per visit', () => {
  it('the first export trades the password for a grant; the next one asks nothing', async () => {
    answers.set('reauth:grant', () => ({
      ok: true,
      value: { token: 'tok', expiresAt: Date.now() + 120_000 },
    }));
    const { result, unmount } = twoExports();
    expect(result.current.aegis.ready).toBe(false);
    act(() => result.current.kit.field.onChange({ password: 'pw', confirmed: false }));
    let proof: unknown;
    await act(async () => {
      proof = await result.current.kit.proof();
    });
    expect(proof).toEqual({ method: 'grant', token: 'tok' });
    expect(calls.filter((c) => c.name === 'reauth:grant')).toEqual([
      { name: 'reauth:grant', args: { reauth: { method: 'password', password: 'pw' } } },
    ]);
    // The other export's field is gone and it is ready without a password.
    expect(result.current.aegis).toMatchObject({ ready: true, field: { granted: true } });
    await act(async () => {
      proof = await result.current.aegis.proof();
    });
    expect(proof).toEqual({ method: 'grant', token: 'tok' });
    expect(calls.filter((c) => c.name === 'reauth:grant')).toHaveLength(1);

    // Leaving the screen tells main to drop the grant.
    unmount();
    expect(calls.at(-1)?.name).toBe('reauth:drop');
  });

  it('a wrong password stays at the field; main refusing the grant later brings the field back', async () => {
    answers.set('reauth:grant', () => ({
      ok: false,
      error: { code: 'vault.wrong-password', message: 'That password is not correct.' },
    }));
    const { result } = twoExports();
    act(() => result.current.kit.field.onChange({ password: 'nope', confirmed: false }));
    await act(async () => void (await result.current.kit.proof()));
    expect(result.current.kit.field.error).toBe('That password is not correct.');

    answers.set('reauth:grant', () => ({
      ok: true,
      value: { token: 'tok', expiresAt: Date.now() + 120_000 },
    }));
    await act(async () => void (await result.current.kit.proof()));
    expect(result.current.aegis.field.granted).toBe(true);
    act(() => result.current.aegis.onError({ code: 'backup.reauth-expired', message: 'ran out' }));
    expect(result.current.kit.field.granted).toBe(false);
  });

  it('the page forgets the grant when main’s 2 minutes are up', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    answers.set('reauth:grant', () => ({
      ok: true,
      value: { token: 'tok', expiresAt: Date.now() + 120_000 },
    }));
    const { result } = twoExports();
    act(() => result.current.kit.field.onChange({ password: 'pw', confirmed: false }));
    await act(async () => void (await result.current.kit.proof()));
    expect(result.current.kit.field.granted).toBe(true);
    act(() => vi.advanceTimersByTime(120_000));
    expect(result.current.kit.field.granted).toBe(false);
  });
});
