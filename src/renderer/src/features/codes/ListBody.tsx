import type { ComponentProps, DragEvent, Ref } from 'react';
import type { Account } from '../../../../shared/account';
import { AccountRows } from './AccountRows';
import { MAX_RESULTS } from './use-list-search';
import type { useRowNavigation } from './use-row-navigation';

type Nav = ReturnType<typeof useRowNavigation>;
type Common = Pick<
  ComponentProps<typeof AccountRows>,
  'codes' | 'fresh' | 'showNext' | 'actions' | 'onEdit'
>;

interface Props {
  readonly search: {
    readonly active: boolean;
    readonly results: readonly Account[];
    readonly total: number;
    readonly selectedAccount: Account | null;
  };
  readonly all: readonly Account[];
  readonly fullNav: Nav;
  readonly resultNav: Nav;
  readonly common: Common;
  readonly listsRef: Ref<HTMLDivElement>;
  readonly drag: Record<
    'onDragStart' | 'onDragOver' | 'onDrop',
    (e: DragEvent<HTMLElement>) => void
  >;
}

/** The search results (while there is a query) over the full list, and what explains them. */
export function ListBody({ search, all, fullNav, resultNav, common, listsRef, drag }: Props) {
  return (
    <>
      {(search.active ? search.total : all.length) === 0 && (
        <p className="hint list-empty">No accounts match.</p>
      )}
      {search.total > MAX_RESULTS && (
        <p className="hint">
          Showing the best {MAX_RESULTS} of {search.total} matches — type more to narrow them.
        </p>
      )}
      <div ref={listsRef} {...drag}>
        {search.active && (
          <AccountRows
            id="results"
            label="Search results"
            accounts={search.results}
            activeId={resultNav.activeId}
            selectedId={search.selectedAccount?.id ?? null}
            onKeyDown={resultNav.onKeyDown}
            onFocus={resultNav.onFocus}
            {...common}
          />
        )}
        {/* Hidden, not unmounted, while searching: its props do not change, so React skips it. */}
        <div hidden={search.active}>
          <AccountRows
            id="accounts"
            label="Accounts"
            accounts={all}
            activeId={fullNav.activeId}
            selectedId={null}
            onKeyDown={fullNav.onKeyDown}
            onFocus={fullNav.onFocus}
            {...common}
          />
        </div>
      </div>
    </>
  );
}
