/**
 * The tray / menu-bar menu as data, rebuilt whenever accounts or the vault's state change.
 * Electron turns it into a Menu (src/main/tray.ts); deciding what is in it lives here.
 */

/** What the menu reads of an account: labels and use, never a secret. */
export interface TrayAccount {
  readonly id: string;
  readonly issuer: string;
  readonly name: string;
  readonly favorite: boolean;
  readonly lastUsedAt: number | null;
}

export type TrayItem =
  | { readonly kind: 'copy'; readonly id: string; readonly label: string }
  | { readonly kind: 'heading'; readonly label: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'open'; readonly label: 'Open Latchkey' }
  | { readonly kind: 'lock'; readonly label: 'Lock'; readonly enabled: boolean }
  | { readonly kind: 'quit'; readonly label: 'Quit Latchkey' };

export const RECENT_IN_TRAY = 5;

/** "GitHub (alice)", or whichever part exists. */
export function trayLabel(account: Pick<TrayAccount, 'issuer' | 'name'>): string {
  const issuer = account.issuer.trim();
  const name = account.name.trim();
  if (issuer && name) return `${issuer} (${name})`;
  return issuer || name || 'Unnamed account';
}

// Menu labels treat "&" as a mnemonic marker on Windows and Linux; a literal one is doubled.
const menuText = (text: string) => text.replace(/&/g, '&&');

/**
 * Favourites (in the list's order), then the five most recently used of the others, then the
 * app's own items. Locked, the vault's labels are unknown, so only the app's items show.
 */
export function trayMenu(
  vault: 'absent' | 'locked' | 'unlocked',
  accounts: readonly TrayAccount[],
): TrayItem[] {
  const items: TrayItem[] = [];
  if (vault === 'unlocked') {
    const favourites = accounts.filter((a) => a.favorite);
    const recent = accounts
      .filter((a) => !a.favorite && a.lastUsedAt !== null)
      .sort((a, b) => (b.lastUsedAt ?? 0) - (a.lastUsedAt ?? 0))
      .slice(0, RECENT_IN_TRAY);
    const copy = (a: TrayAccount): TrayItem => ({
      kind: 'copy',
      id: a.id,
      label: `Copy code — ${menuText(trayLabel(a))}`,
    });
    if (favourites.length > 0)
      items.push({ kind: 'heading', label: 'Favourites' }, ...favourites.map(copy));
    if (recent.length > 0)
      items.push({ kind: 'heading', label: 'Recently used' }, ...recent.map(copy));
    if (items.length > 0) items.push({ kind: 'separator' });
  }
  items.push(
    { kind: 'open', label: 'Open Latchkey' },
    { kind: 'lock', label: 'Lock', enabled: vault === 'unlocked' },
    { kind: 'separator' },
    { kind: 'quit', label: 'Quit Latchkey' },
  );
  return items;
}
