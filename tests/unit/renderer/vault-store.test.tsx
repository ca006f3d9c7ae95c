// @vitest-environment happy-dom
import { answers, calls, emit } from './setup';
import { describe, expect, it, vi } from 'vitest';
import type { VaultStatusView } from '../../../src/shared/bridge';
import { accountsStore } from '../../../src/renderer/src/features/codes/accounts-store';
import { vaultStore } from '../../../src/renderer/src/features/vault/vault-store';

// The list's own store is the codes feature's (tested there); here only whether it is told.
vi.mock('../../../src/renderer/src/features/codes/accounts-store', () => ({
  accountsStore: { reload: vi.fn(async () => {}), clear: vi.fn() },
}));

const status = (state: VaultStatusView['state']): VaultStatusView => ({
  state,
  slots: { keychain: true, password: true },
  keychainAvailable: true,
  lockedOutUntil: null,
  damaged: null,
});

describe('vaultStore: the page’s view of the vault', () => {
  it('reads the state on start; a lock event records why and asks again; unlocking forgets why', async () => {
    answers.set('vault:status', () => ({ ok: true, value: status('unlocked') }));
    const seen = vi.fn();
    const stop = vaultStore.subscribe(seen);
    vaultStore.start();
    await vi.waitFor(() => expect(vaultStore.getSnapshot().status?.state).toBe('unlocked'));
    // Unlocked: the list is fetched; locked: the page drops every code at once.
    expect(accountsStore.reload).toHaveBeenCalled();
    expect(calls.map((c) => c.name)).toEqual(['vault:status']);

    answers.set('vault:status', () => ({ ok: true, value: status('locked') }));
    emit('locked', { reason: 'idle' });
    expect(accountsStore.clear).toHaveBeenCalled();
    expect(vaultStore.getSnapshot().lockReason).toBe('idle');
    await vi.waitFor(() => expect(vaultStore.getSnapshot().status?.state).toBe('locked'));
    expect(vaultStore.getSnapshot().lockReason).toBe('idle');

    vaultStore.setStatus(status('unlocked'));
    expect(vaultStore.getSnapshot()).toMatchObject({ lockReason: null });
    expect(seen).toHaveBeenCalled();
    stop();
  });

  it('a failed status read changes nothing', async () => {
    const before = vaultStore.getSnapshot();
    answers.set('vault:status', () => ({
      ok: false,
      error: { code: 'bridge.internal', message: 'Something went wrong.' },
    }));
    await vaultStore.refresh();
    expect(vaultStore.getSnapshot()).toBe(before);
  });
});
