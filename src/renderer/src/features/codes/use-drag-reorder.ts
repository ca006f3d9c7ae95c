import { useMemo, type DragEvent } from 'react';

const TYPE = 'application/x-latchkey-account';
const rowId = (target: EventTarget) =>
  (target as HTMLElement).closest<HTMLElement>('li[data-account-id]')?.dataset.accountId;

/**
 * Drag a row onto another to put it there (custom order only). Handlers for the element
 * around the lists; the keyboard equivalent is Alt+↑/↓ and the editor's Move to top/bottom.
 */
export function useDragReorder(
  enabled: boolean,
  indexOf: (id: string) => number,
  move: (id: string, to: number) => void,
) {
  return useMemo(
    () => ({
      onDragStart: (event: DragEvent<HTMLElement>) => {
        const id = rowId(event.target);
        if (!enabled || !id) return event.preventDefault();
        event.dataTransfer.setData(TYPE, id);
        event.dataTransfer.effectAllowed = 'move';
      },
      onDragOver: (event: DragEvent<HTMLElement>) => {
        if (!enabled || !event.dataTransfer.types.includes(TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
      },
      onDrop: (event: DragEvent<HTMLElement>) => {
        const dragged = event.dataTransfer.getData(TYPE);
        const target = rowId(event.target);
        if (!enabled || !dragged || !target || dragged === target) return;
        event.preventDefault();
        move(dragged, indexOf(target));
      },
    }),
    [enabled, indexOf, move],
  );
}
