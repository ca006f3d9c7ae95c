import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VaultAccountRepository } from '../../../src/node/services/vault-account-repository';
import { VaultService } from '../../../src/node/services/vault/vault-service';
import { sampleAccounts, tempDir, WEAK } from '../vault/helpers';

// Reordering is all or nothing: the page must name every account once, checked against the list
// being saved, so a list that changed in between is refused rather than half-applied.
let dir: ReturnType<typeof tempDir>;
let accounts: VaultAccountRepository;

beforeEach(async () => {
  dir = tempDir();
  const vault = new VaultService({ dir: dir.dir, keychain: null, ...WEAK });
  await vault.create({ keychain: false, password: 'correct horse battery' });
  accounts = new VaultAccountRepository(vault);
  for (const a of sampleAccounts(3)) await accounts.add(a, 0);
});
afterEach(() => dir.cleanup());

describe('reordering accounts', () => {
  it('puts the accounts in the order given', async () => {
    const ids = accounts.list().map((a) => a.id);
    await accounts.reorder([ids[2]!, ids[0]!, ids[1]!]);
    expect(accounts.list().map((a) => a.id)).toEqual([ids[2], ids[0], ids[1]]);
  });

  it.each([
    ['one missing', (ids: string[]) => ids.slice(1)],
    ['one twice', (ids: string[]) => [ids[0]!, ids[0]!, ids[1]!]],
    ['one unknown', (ids: string[]) => [...ids.slice(1), 'not-an-account']],
    ['one extra', (ids: string[]) => [...ids, 'not-an-account']],
  ])('refuses a list with %s and changes nothing', async (_case, change) => {
    const before = accounts.list().map((a) => a.id);
    await expect(accounts.reorder(change([...before].reverse()))).rejects.toMatchObject({
      code: 'accounts.reorder-mismatch',
    });
    expect(accounts.list().map((a) => a.id)).toEqual(before);
  });
});
