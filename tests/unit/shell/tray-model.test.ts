import { describe, expect, it } from 'vitest';
import { trayLabel, trayMenu, type TrayAccount } from '../../../src/node/shell/tray-model';

const account = (
  id: string,
  issuer: string,
  name: string,
  extra: Partial<TrayAccount> = {},
): TrayAccount => ({
  id,
  issuer,
  name,
  favorite: false,
  lastUsedAt: null,
  ...extra,
});

const labels = (items: ReturnType<typeof trayMenu>) =>
  items.map((i) => (i.kind === 'separator' ? '—' : i.label));

describe('the tray menu', () => {
  it('lists favourites, then the five most recently used others, then the app items', () => {
    const accounts = [
      account('1', 'GitHub', 'alice', { favorite: true, lastUsedAt: 1 }),
      account('2', 'GitLab', 'bob', { lastUsedAt: 10 }),
      account('3', 'AWS', 'root', { lastUsedAt: 70 }),
      account('4', 'Proton', '', { lastUsedAt: 30 }),
      account('5', '', 'carol@example.com', { lastUsedAt: 50 }),
      account('6', 'Slack', 'dave', { lastUsedAt: 20 }),
      account('7', 'Fastmail', 'eve', { lastUsedAt: 5 }),
      account('8', 'Never used', 'x'),
      account('9', 'Bitwarden', 'frank', { favorite: true }),
    ];
    expect(labels(trayMenu('unlocked', accounts))).toEqual([
      'Favourites',
      'Copy code — GitHub (alice)',
      'Copy code — Bitwarden (frank)',
      'Recently used',
      'Copy code — AWS (root)',
      'Copy code — carol@example.com',
      'Copy code — Proton',
      'Copy code — Slack (dave)',
      'Copy code — GitLab (bob)',
      '—',
      'Open Latchkey',
      'Lock',
      '—',
      'Quit Latchkey',
    ]);
    const copy = trayMenu('unlocked', accounts).find((i) => i.kind === 'copy');
    expect(copy).toMatchObject({ kind: 'copy', id: '1' });
  });

  it('locked: no account names (they are inside the vault), Lock disabled', () => {
    const items = trayMenu('locked', [account('1', 'GitHub', 'alice', { favorite: true })]);
    expect(labels(items)).toEqual(['Open Latchkey', 'Lock', '—', 'Quit Latchkey']);
    expect(items.find((i) => i.kind === 'lock')).toMatchObject({ enabled: false });
  });

  it('unlocked with nothing used yet: just the app items, Lock enabled', () => {
    const items = trayMenu('unlocked', [account('1', 'GitHub', 'alice')]);
    expect(labels(items)).toEqual(['Open Latchkey', 'Lock', '—', 'Quit Latchkey']);
    expect(items.find((i) => i.kind === 'lock')).toMatchObject({ enabled: true });
  });

  it('doubles "&" so menus do not turn it into a keyboard mnemonic', () => {
    const items = trayMenu('unlocked', [account('1', 'AT&T', 'me', { favorite: true })]);
    expect(labels(items)).toContain('Copy code — AT&&T (me)');
  });

  it('labels an account by whatever it has', () => {
    expect(trayLabel({ issuer: ' GitHub ', name: 'alice' })).toBe('GitHub (alice)');
    expect(trayLabel({ issuer: '', name: '' })).toBe('Unnamed account');
  });
});
