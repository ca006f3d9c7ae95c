import type { SecretAccount } from '../../core/common/model';

/** The shortcut that copies a code without opening the window. */
export const COPY_HOTKEY = 'CommandOrControl+Alt+K';

/**
 * Which account the global hotkey copies: the one used most recently (a sign-in usually needs
 * the same code again moments later), else the first favourite, else the first account.
 */
export function hotkeyAccount(accounts: readonly SecretAccount[]): SecretAccount | null {
  let best: SecretAccount | null = null;
  for (const a of accounts) {
    if (a.lastUsedAt !== null && (best?.lastUsedAt ?? -1) < a.lastUsedAt) best = a;
  }
  return best ?? accounts.find((a) => a.favorite) ?? accounts[0] ?? null;
}
