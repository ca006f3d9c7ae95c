import { describe, expect, it } from 'vitest';
import {
  applyFilter,
  moveTo,
  narrowingSearch,
  prepare,
  sortAccounts,
} from '../../../src/renderer/src/features/codes/arrange';
import { indexForSearch, search } from '../../../src/core/common/search';
import type { Account } from '../../../src/shared/account';

const account = (
  id: string,
  issuer: string,
  name: string,
  more: Partial<Account> = {},
): Account => ({
  id,
  issuer,
  name,
  otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
  favorite: false,
  groups: [],
  note: '',
  createdAt: 0,
  lastUsedAt: null,
  useCount: 0,
  icon: { kind: 'auto' },
  recovery: { total: 0, unused: 0 },
  ...more,
});
const issuers = (list: readonly Account[]) => list.map((a) => a.issuer);

const list = [
  account('1', 'zulu', 'Émile', { lastUsedAt: 5, useCount: 3, groups: ['Work'] }),
  account('2', 'Alpha', 'bob', { lastUsedAt: 9, useCount: 1 }),
  account('3', 'mike', 'anna', { favorite: true, useCount: 0, groups: ['Work', 'Home'] }),
  account('4', 'Bravo 10', 'carl', { useCount: 7 }),
  account('5', 'Bravo 9', 'dave', { lastUsedAt: 7, useCount: 7 }),
];

describe('sorting the list', () => {
  it('keeps favourites on top in every order, then orders the rest', () => {
    expect(issuers(sortAccounts(list, 'custom'))).toEqual([
      'mike',
      'zulu',
      'Alpha',
      'Bravo 10',
      'Bravo 9',
    ]);
    // Case-insensitive, numbers in numeric order (Bravo 9 before Bravo 10).
    expect(issuers(sortAccounts(list, 'issuer'))).toEqual([
      'mike',
      'Alpha',
      'Bravo 9',
      'Bravo 10',
      'zulu',
    ]);
    // Account names compare without case or accents: anna, bob, carl, dave, Émile.
    expect(issuers(sortAccounts(list, 'account'))).toEqual([
      'mike',
      'Alpha',
      'Bravo 10',
      'Bravo 9',
      'zulu',
    ]);
    // Never used goes last, in custom order.
    expect(issuers(sortAccounts(list, 'recent'))).toEqual([
      'mike',
      'Alpha',
      'Bravo 9',
      'zulu',
      'Bravo 10',
    ]);
    // Ties in use count go to the more recently used.
    expect(issuers(sortAccounts(list, 'most-used'))).toEqual([
      'mike',
      'Bravo 9',
      'Bravo 10',
      'zulu',
      'Alpha',
    ]);
  });

  it('filters to favourites or one group', () => {
    expect(issuers(applyFilter(list, { kind: 'favourites' }))).toEqual(['mike']);
    expect(issuers(applyFilter(list, { kind: 'group', name: 'Work' }))).toEqual(['zulu', 'mike']);
    expect(applyFilter(list, { kind: 'group', name: 'Nope' })).toEqual([]);
  });

  it('moves one account to the top, the bottom, or one step', () => {
    expect(moveTo(list, '4', 0)).toEqual(['4', '1', '2', '3', '5']);
    expect(moveTo(list, '1', list.length)).toEqual(['2', '3', '4', '5', '1']);
    expect(moveTo(list, '2', 2)).toEqual(['1', '3', '2', '4', '5']);
    expect(moveTo(list, 'missing', 0)).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('narrowing search while typing', () => {
  // Many names so that narrowing has something to skip; compared with a fresh full search.
  const many = Array.from({ length: 400 }, (_, i) =>
    account(String(i), `Service ${i}`, `user${i}@example.com`, { favorite: i % 37 === 0 }),
  );

  it('gives exactly what a full search gives, keystroke by keystroke, and after editing', () => {
    const entries = prepare(many, 'custom', { kind: 'all' });
    const typed = narrowingSearch(entries);
    const full = indexForSearch(sortAccounts(many, 'custom'));
    const keystrokes = [
      's',
      'se',
      'ser',
      'serv 1',
      'serv 12',
      'serv 1',
      'u',
      'us',
      'usr 3',
      'x',
      'xy',
      '',
    ];
    for (const query of keystrokes) {
      expect(
        typed(query).map((a) => a.id),
        query,
      ).toEqual(search(full, query).map((a) => a.id));
    }
  });
});
