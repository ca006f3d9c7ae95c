import { describe, expect, it } from 'vitest';
import { RemovalUndo, UNDO_WINDOW_MS } from '../../../src/node/services/removal-undo';
import { VaultService } from '../../../src/node/services/vault/vault-service';
import { VaultAccountRepository } from '../../../src/node/services/vault-account-repository';
import { sampleAccounts, tempDir, WEAK } from '../vault/helpers';

/** remember/take never touch the store; remove/restore are tested with a real vault below. */
const noStore = {} as ConstructorParameters<typeof RemovalUndo>[1];

describe('undoing a deletion', () => {
  it('gives the account back with its position within the window, once', () => {
    let now = 1000;
    const undo = new RemovalUndo({ now: () => now }, noStore);
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
    const undo = new RemovalUndo({ now: () => now }, noStore);
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

describe('deleting with Undo, on a real vault', () => {
  it('puts the account back at its old place in the list', async () => {
    const dir = tempDir();
    try {
      const vault = new VaultService({ dir: dir.dir, keychain: null, ...WEAK });
      await vault.create({ keychain: false, password: 'correct horse battery' });
      const accounts = new VaultAccountRepository(vault);
      for (const a of sampleAccounts(3)) await accounts.add(a, 0);
      const [, middle] = accounts.list();
      const undo = new RemovalUndo({ now: () => 0 }, accounts);
      expect(await undo.remove(middle!.id)).toBe(UNDO_WINDOW_MS);
      expect(accounts.list().map((a) => a.id)).not.toContain(middle!.id);
      await undo.restore(middle!.id);
      expect(accounts.list()[1]?.id).toBe(middle!.id);
      await expect(undo.restore(middle!.id)).rejects.toMatchObject({
        code: 'accounts.undo-expired',
      });
    } finally {
      dir.cleanup();
    }
  });
});
