import { describe, expect, it } from 'vitest';
import { RemovalUndo, UNDO_WINDOW_MS } from '../../../src/node/services/removal-undo';
import { sampleAccounts } from '../vault/helpers';

describe('undoing a deletion', () => {
  it('gives the account back with its position within the window, once', () => {
    let now = 1000;
    const undo = new RemovalUndo({ now: () => now });
    const [account] = sampleAccounts(1);
    expect(undo.remember(account!, 3)).toBe(1000 + UNDO_WINDOW_MS);
    now += UNDO_WINDOW_MS - 1;
    expect(undo.take(account!.id)).toMatchObject({ account, index: 3 });
    expect(() => undo.take(account!.id)).toThrow(
      expect.objectContaining({ code: 'accounts.undo-expired' }),
    );
  });

  it('is too late after the window, and after a lock', () => {
    let now = 0;
    const undo = new RemovalUndo({ now: () => now });
    const [a, b] = sampleAccounts(2);
    undo.remember(a!, 0);
    undo.remember(b!, 1);
    undo.forget();
    expect(() => undo.take(b!.id)).toThrow(
      expect.objectContaining({ code: 'accounts.undo-expired' }),
    );
    undo.remember(a!, 0);
    now += UNDO_WINDOW_MS + 1;
    expect(() => undo.take(a!.id)).toThrow(
      expect.objectContaining({ code: 'accounts.undo-expired' }),
    );
  });
});
