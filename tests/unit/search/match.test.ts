import { describe, expect, it } from 'vitest';
import {
  foldForSearch,
  matchKind,
  searchAccounts,
  type Searchable,
} from '../../../src/core/common/search';

const acct = (issuer: string, name = '', extra: Partial<Searchable> = {}): Searchable => ({
  issuer,
  name,
  groups: [],
  note: '',
  favorite: false,
  lastUsedAt: null,
  ...extra,
});
const issuers = (list: readonly Searchable[]) => list.map((a) => a.issuer);

describe('search matcher', () => {
  it('folds case and diacritics (NFD, marks removed)', () => {
    expect(foldForSearch('Zürich ÉCOLE')).toBe('zurich ecole');
    expect(issuers(searchAccounts([acct('Zürich Bank'), acct('Other')], 'ZURICH'))).toEqual([
      'Zürich Bank',
    ]);
  });

  it('ranks prefix over word start over subsequence; "gh" finds GitHub', () => {
    const list = [acct('Gandhi Hub'), acct('GitHub'), acct('My GH tools'), acct('GHost')];
    expect(matchKind('github', 'gh')).toBe('subsequence');
    expect(matchKind('my gh tools', 'gh')).toBe('word-start');
    expect(issuers(searchAccounts(list, 'gh'))).toEqual([
      'GHost',
      'My GH tools',
      'Gandhi Hub',
      'GitHub',
    ]);
  });

  it('searches account name, groups and note too, issuer ranked first', () => {
    const list = [
      acct('Bank', 'x', { note: 'alice' }),
      acct('Shop', 'alice@example.com'),
      acct('Alice Co'),
      acct('Work VPN', '', { groups: ['alice team'] }),
    ];
    expect(issuers(searchAccounts(list, 'alice'))).toEqual([
      'Alice Co',
      'Shop',
      'Work VPN',
      'Bank',
    ]);
  });

  it('needs every word to match, in any field', () => {
    const list = [acct('GitHub', 'alice'), acct('GitHub', 'bob'), acct('GitLab', 'alice')];
    expect(searchAccounts(list, 'git ali').map((a) => `${a.issuer}/${a.name}`)).toEqual([
      'GitHub/alice',
      'GitLab/alice',
    ]);
  });

  it('breaks ties by favourite, then most recently used, then list order', () => {
    const list = [
      acct('Git A'),
      acct('Git B', '', { lastUsedAt: 10 }),
      acct('Git C', '', { favorite: true }),
      acct('Git D', '', { lastUsedAt: 20 }),
    ];
    expect(issuers(searchAccounts(list, 'git'))).toEqual(['Git C', 'Git D', 'Git B', 'Git A']);
  });

  it('an empty query keeps every account in order; no match gives none', () => {
    const list = [acct('B'), acct('A')];
    expect(issuers(searchAccounts(list, '  '))).toEqual(['B', 'A']);
    expect(searchAccounts(list, 'zzz')).toEqual([]);
  });

  it('a subsequence never spans two groups', () => {
    expect(matchKind('ab\ncd', 'ac')).toBeNull();
  });
});
