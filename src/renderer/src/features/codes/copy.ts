import { useCallback } from 'react';
import type { Account } from '../../../../shared/account';
import { latchkey } from '../../lib/bridge';
import { useToast } from '../../ui/Toast';

/** Copies an account's current code (main writes the clipboard) and says for how long. */
export function useCopyCode(): (account: Account) => Promise<void> {
  const toast = useToast();
  return useCallback(
    async (account: Account) => {
      const result = await latchkey['clipboard:copy-code']({ id: account.id });
      if (!result.ok) return toast(result.error.message, 'error');
      const { clearsAt } = result.value;
      const title = account.issuer || account.name || 'Account';
      toast(
        clearsAt
          ? `${title} code copied — cleared from the clipboard in ${Math.round((clearsAt - Date.now()) / 1000)} s`
          : `${title} code copied`,
      );
    },
    [toast],
  );
}

/**
 * What a screen reader says for a code: who it is for and the digits one by one
 * ("GitHub, octocat, code 1 2 3 4 5 6"), so it is heard, not replaced by a button name.
 */
export function codeLabel(account: Pick<Account, 'issuer' | 'name'>, code: string | null): string {
  const who = [account.issuer, account.name].filter(Boolean).join(', ') || 'Unnamed account';
  return code ? `${who}, code ${[...code].join(' ')}` : `${who}, code loading`;
}
