import { useCallback } from 'react';
import type { Account } from '../../../../shared/account';
import { useDragReorder } from './use-drag-reorder';

/** Custom order by keyboard (one step, Alt+↑/↓) and by dragging a row onto another. */
export function useReordering(
  accounts: readonly Account[],
  moveAccount: (id: string, to: number) => Promise<unknown>,
  enabled: boolean,
) {
  const indexOf = useCallback((id: string) => accounts.findIndex((a) => a.id === id), [accounts]);
  const moveStep = useCallback(
    (id: string, step: 1 | -1) => void moveAccount(id, indexOf(id) + step),
    [moveAccount, indexOf],
  );
  const moveTo = useCallback((id: string, to: number) => void moveAccount(id, to), [moveAccount]);
  const drag = useDragReorder(enabled, indexOf, moveTo);
  return { moveStep: enabled ? moveStep : null, drag } as const;
}
