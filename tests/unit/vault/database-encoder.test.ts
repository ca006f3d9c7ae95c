import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { SecretAccount } from '../../../src/core/common/model';
import {
  decodeDatabase,
  DEFAULT_SETTINGS,
  encodeDatabase,
} from '../../../src/core/node/vault/database';
import { encodeDatabaseFast } from '../../../src/core/node/vault/database-encoder';

// The save path's encoder must give exactly encodeDatabase's bytes (the reference), however the
// accounts were edited between saves: a wrong frame would write a different account to disk.
const label = fc.string({ maxLength: 40, unit: 'grapheme' });
const account = (i: number) =>
  fc
    .record({
      issuer: label,
      name: label,
      note: fc.string({ maxLength: 60 }),
      favorite: fc.boolean(),
      groups: fc.array(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: 3 }),
      secret: fc.uint8Array({ minLength: 1, maxLength: 128 }),
      digits: fc.integer({ min: 6, max: 8 }),
      codes: fc.array(
        fc.record({ code: fc.string({ minLength: 1, maxLength: 12 }), used: fc.boolean() }),
        {
          maxLength: 3,
        },
      ),
    })
    .map((r): SecretAccount => ({
      id: `id-${i}`,
      issuer: r.issuer,
      name: r.name,
      otp: { type: 'totp', algorithm: 'SHA256', digits: r.digits, period: 30 },
      secret: r.secret,
      favorite: r.favorite,
      groups: r.groups,
      note: r.note,
      createdAt: 1_700_000_000_000 + i,
      lastUsedAt: i % 2 ? null : 1_700_000_000_500,
      useCount: i * 3,
      icon: i % 2 ? { kind: 'brand', slug: 'github' } : { kind: 'auto' },
      recoveryCodes: r.codes,
    }));

describe('encodeDatabaseFast', () => {
  test('gives encodeDatabase’s bytes, and again after edits that keep or replace accounts', () => {
    fc.assert(
      fc.property(
        fc.tuple(account(0), account(1), account(2), account(3)),
        fc.string({ maxLength: 20 }),
        ([a, b, c, d], note) => {
          const first = { accounts: [a, b, c], settings: DEFAULT_SETTINGS };
          expect(encodeDatabaseFast(first).equals(encodeDatabase(first))).toBe(true);
          // Kept objects reuse their frame; the edited one and the new one are encoded fresh.
          const second = {
            accounts: [c, { ...a, note }, d],
            settings: { ...DEFAULT_SETTINGS, autoLockMinutes: null },
          };
          expect(encodeDatabaseFast(second).equals(encodeDatabase(second))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('reads the secret at save time: a key overwritten in place is saved as it is now', () => {
    const secret = Uint8Array.from({ length: 20 }, (_, i) => i + 1);
    const db = {
      accounts: [
        {
          id: 'x',
          issuer: 'Example',
          name: 'alice',
          otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
          secret,
          favorite: false,
          groups: [],
          note: '',
          createdAt: 0,
          lastUsedAt: null,
          useCount: 0,
          icon: { kind: 'none' },
          recoveryCodes: [],
        } as SecretAccount,
      ],
      settings: DEFAULT_SETTINGS,
    };
    encodeDatabaseFast(db);
    secret.fill(7);
    const decoded = decodeDatabase(encodeDatabaseFast(db));
    expect([...decoded.accounts[0]!.secret]).toEqual(Array(20).fill(7));
  });

  test('no accounts', () => {
    const db = { accounts: [], settings: DEFAULT_SETTINGS };
    expect(encodeDatabaseFast(db).equals(encodeDatabase(db))).toBe(true);
  });
});
