import { forwardRef, type KeyboardEvent } from 'react';

interface Props {
  readonly query: string;
  readonly onQuery: (query: string) => void;
  /** ↑/↓ move the selection through results; Enter copies the selected (or first) one. */
  readonly onMove: (step: 1 | -1) => void;
  readonly onEnter: () => void;
  readonly activeId: string | undefined;
  readonly resultCount: number;
}

/** The search box at the top of the list. Escape clears it (and closes nothing else). */
export const SearchField = forwardRef<HTMLInputElement, Props>(function SearchField(
  { query, onQuery, onMove, onEnter, activeId, resultCount },
  ref,
) {
  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      onMove(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onEnter();
    } else if (event.key === 'Escape' && query !== '') {
      // The Escape stack sees a handled key and closes nothing.
      event.preventDefault();
      onQuery('');
    }
  };
  return (
    <div className="search">
      <input
        ref={ref}
        type="search"
        aria-label="Search accounts"
        placeholder="Search accounts"
        autoComplete="off"
        spellCheck={false}
        value={query}
        // The results list exists only while there is a query.
        aria-controls={query.trim() ? 'results' : undefined}
        aria-activedescendant={query && activeId ? `results-${activeId}` : undefined}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={keyDown}
      />
      <span className="visually-hidden" role="status">
        {query ? `${resultCount} ${resultCount === 1 ? 'match' : 'matches'}` : ''}
      </span>
    </div>
  );
});
