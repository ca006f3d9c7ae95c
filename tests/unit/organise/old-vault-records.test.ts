import { describe, expect, it } from 'vitest';
import {
  decodeDatabase,
  DEFAULT_SETTINGS,
  encodeDatabase,
} from '../../../src/core/node/vault/database';
import { LatchkeyError } from '../../../src/shared/errors';
import { sampleAccounts } from '../vault/helpers';

/** A payload as a vault written before icons, use counts and list settings existed. */
function withoutNewFields(): Uint8Array {
  const plain = JSON.parse(
    encodeDatabase({ accounts: sampleAccounts(2), settings: DEFAULT_SETTINGS }).toString('utf8'),
  );
  for (const a of plain.accounts) {
    delete a.icon;
    delete a.useCount;
  }
  for (const key of ['sortOrder', 'density', 'showNextCode', 'groups']) delete plain.settings[key];
  return new TextEncoder().encode(JSON.stringify(plain));
}

describe('vault records from before favourites, icons and list settings were editable', () => {
  it('open with the defaults (automatic icon, no uses, custom order)', () => {
    const db = decodeDatabase(withoutNewFields());
    expect(db.accounts.map((a) => [a.icon, a.useCount])).toEqual([
      [{ kind: 'auto' }, 0],
      [{ kind: 'auto' }, 0],
    ]);
    expect(db.settings).toMatchObject({
      sortOrder: 'custom',
      density: 'comfortable',
      showNextCode: true,
      groups: [],
    });
  });

  it('a stored icon or group that breaks the rules is damage, not silently dropped', () => {
    const plain = JSON.parse(new TextDecoder().decode(withoutNewFields()));
    plain.accounts[0].icon = { kind: 'brand', slug: '../evil' };
    expect(() => decodeDatabase(new TextEncoder().encode(JSON.stringify(plain)))).toThrow(
      LatchkeyError,
    );
    plain.accounts[0].icon = { kind: 'auto' };
    plain.accounts[0].groups = ['x'.repeat(65)];
    expect(() => decodeDatabase(new TextEncoder().encode(JSON.stringify(plain)))).toThrow(
      LatchkeyError,
    );
  });
});
