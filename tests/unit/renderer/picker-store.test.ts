// @vitest-environment happy-dom
import { answers, calls } from './setup';
import { describe, expect, it, vi } from 'vitest';
import type { Account, CodeView } from '../../../src/shared/account';
import { pickerStore } from '../../../src/renderer/src/picker/picker-store';

// The quick picker lives on in a hidden window: with thousands of accounts it must ask main only
// for the codes of the rows it shows (at most eight), not for every account on every turnover.
const account = (i: number): Account => ({
  id: `acc-${i}`,
  issuer: `Service ${i}`,
  name: `user${i}`,
  otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
  favorite: false,
  groups: [],
  note: '',
  createdAt: i,
  lastUsedAt: null,
  useCount: 0,
  icon: { kind: 'auto' },
  recovery: { total: 0, unused: 0 },
});
const view = (id: string): CodeView => ({
  id,
  code: '123456',
  period: 30,
  validFrom: Date.now(),
  validUntil: Date.now() + 30_000,
});

describe('pickerStore', () => {
  it('fetches codes only for the rows shown, and again only when a shown row lacks one', async () => {
    const accounts = Array.from({ length: 2000 }, (_, i) => account(i));
    answers.set('vault:status', () => ({
      ok: true,
      value: {
        state: 'unlocked',
        slots: { keychain: false, password: true },
        keychainAvailable: false,
        lockedOutUntil: null,
        damaged: null,
      },
    }));
    answers.set('accounts:list', () => ({ ok: true, value: accounts }));
    answers.set('codes:list', (args) => ({
      ok: true,
      value: ((args as { ids?: string[] }).ids ?? accounts.map((a) => a.id)).map(view),
    }));
    await pickerStore.refresh();
    expect(pickerStore.getSnapshot().entries).toHaveLength(2000);

    const shown = accounts.slice(0, 8).map((a) => a.id);
    pickerStore.show(shown);
    await vi.waitFor(() => expect(pickerStore.getSnapshot().codes.size).toBe(8));
    const asked = calls.filter((c) => c.name === 'codes:list').map((c) => c.args);
    expect(asked.every((a) => (a as { ids?: string[] }).ids !== undefined)).toBe(true);
    expect(asked.at(-1)).toEqual({ ids: shown });

    // The same rows again (a re-render): nothing new to fetch.
    const before = calls.length;
    pickerStore.show([...shown]);
    expect(calls.length).toBe(before);

    // Other rows (the query changed): their codes are fetched, still only those.
    const next = accounts.slice(100, 103).map((a) => a.id);
    pickerStore.show(next);
    await vi.waitFor(() => expect(pickerStore.getSnapshot().codes.has('acc-100')).toBe(true));
    expect(calls.filter((c) => c.name === 'codes:list').at(-1)?.args).toEqual({ ids: next });
  });
});
