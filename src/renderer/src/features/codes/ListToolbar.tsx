import { SORT_LABELS, SORT_ORDERS, type SortOrder } from '../../../../shared/list-preferences';
import type { ListFilter } from './arrange';

interface Props {
  readonly filter: ListFilter;
  readonly onFilter: (filter: ListFilter) => void;
  readonly groups: readonly string[];
  readonly sortOrder: SortOrder;
  readonly onSort: (order: SortOrder) => void;
  readonly onOptions: () => void;
}

const filterValue = (f: ListFilter) => (f.kind === 'group' ? `group:${f.name}` : f.kind);
const parseFilter = (value: string): ListFilter =>
  value.startsWith('group:')
    ? { kind: 'group', name: value.slice('group:'.length) }
    : value === 'favourites'
      ? { kind: 'favourites' }
      : { kind: 'all' };

/** Which accounts show (All · Favourites · each group) and in what order. */
export function ListToolbar({ filter, onFilter, groups, sortOrder, onSort, onOptions }: Props) {
  return (
    <div className="list-toolbar">
      <label className="inline-select">
        <span>Show</span>
        <select value={filterValue(filter)} onChange={(e) => onFilter(parseFilter(e.target.value))}>
          <option value="all">All</option>
          <option value="favourites">Favourites</option>
          {groups.map((g) => (
            <option key={g} value={`group:${g}`}>
              {g}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-select">
        <span>Sort</span>
        <select value={sortOrder} onChange={(e) => onSort(e.target.value as SortOrder)}>
          {SORT_ORDERS.map((o) => (
            <option key={o} value={o}>
              {SORT_LABELS[o]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="secondary small"
        data-focus-key="list-options"
        onClick={onOptions}
      >
        Groups and view…
      </button>
    </div>
  );
}
