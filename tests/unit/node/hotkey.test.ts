import { describe, expect, it } from 'vitest';
import { hotkeyAccount } from '../../../src/node/services/hotkey';
import { sampleAccounts } from '../vault/helpers';

describe('the global copy hotkey picks', () => {
  const [a, b, c] = sampleAccounts(3).map((x) => ({ ...x, favorite: false }));
  it('the most recently used account', () => {
    expect(hotkeyAccount([{ ...a!, lastUsedAt: 5 }, { ...b!, lastUsedAt: 9 }, c!])?.id).toBe(b!.id);
  });
  it('else the first favourite, else the first account, else nothing', () => {
    expect(hotkeyAccount([a!, { ...b!, favorite: true }, c!])?.id).toBe(b!.id);
    expect(hotkeyAccount([a!, b!])?.id).toBe(a!.id);
    expect(hotkeyAccount([])).toBeNull();
  });
});
