import { useCallback, useMemo } from 'react';
import type { Account } from '../../../../shared/account';
import { latchkey } from '../../lib/bridge';
import { useToast } from '../../ui/Toast';
import { accountsStore } from './accounts-store';
import { moveTo } from './arrange';
import { useCopyCode } from './copy';

/** What a row can do; stable callbacks so unchanged rows skip re-rendering. */
export function useAccountActions(accounts: readonly Account[]) {
  const toast = useToast();
  const copy = useCopyCode();
  const report = useCallback(
    (result: { ok: boolean; error?: { message: string } }) =>
      !result.ok && toast(result.error?.message ?? 'That did not work.', 'error'),
    [toast],
  );
  const onCopy = useCallback((a: Account) => void copy(a), [copy]);
  const onNextHotp = useCallback(
    async (a: Account) => {
      const result = await latchkey['codes:next-hotp']({ id: a.id });
      if (result.ok) accountsStore.replaceCode(result.value);
      else report(result);
    },
    [report],
  );
  const onFavourite = useCallback(
    async (a: Account) =>
      report(await latchkey['accounts:update']({ id: a.id, favorite: !a.favorite })),
    [report],
  );
  /** Custom order: move to an index of the full list (0 = top). */
  const moveAccount = useCallback(
    async (id: string, to: number) =>
      report(await latchkey['accounts:reorder']({ ids: moveTo(accounts, id, to) })),
    [accounts, report],
  );
  return useMemo(
    () => ({
      onCopy,
      onNextHotp: (a: Account) => void onNextHotp(a),
      onFavourite: (a: Account) => void onFavourite(a),
      moveAccount,
    }),
    [onCopy, onNextHotp, onFavourite, moveAccount],
  );
}
