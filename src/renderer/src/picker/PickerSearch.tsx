import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { accountLabel, type Account } from '../../../shared/account';
import { picker } from './bridge';
import { pickerKey, pickerResults } from '../../../core/common/picker';
import { PickerRow } from './PickerRow';
import { pickerStore, type PickerState } from './picker-store';

const LIST_ID = 'picker-results';

/** Type to find an account; ↑/↓ choose; Enter copies its code and closes; Escape closes. */
export function PickerSearch({ state }: { state: PickerState }) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const results = useMemo(() => pickerResults(state.entries, query), [state.entries, query]);
  const active = Math.min(selected, Math.max(0, results.length - 1));
  useEffect(() => pickerStore.show(results.map((a) => a.id)), [results]);

  const copy = async (account: Account) => {
    const result = await picker['clipboard:copy-code']({ id: account.id });
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    setMessage({ tone: 'info', text: `Copied the code for ${accountLabel(account)}` });
    void picker['picker:close']({});
  };

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const action = pickerKey(event.key, active, results.length);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'select') setSelected(action.index);
    else if (action.kind === 'close') void picker['picker:close']({});
    else if (results[action.index]) void copy(results[action.index]!);
  };

  return (
    <div className="picker-search">
      <h1 className="picker-title">Copy a code</h1>
      <input
        type="search"
        className="picker-input"
        aria-label="Search accounts"
        placeholder="Type to find an account"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls={LIST_ID}
        aria-activedescendant={results[active] ? `picker-option-${results[active]!.id}` : undefined}
        autoFocus
        spellCheck={false}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setSelected(0);
          setMessage(null);
          void picker['session:activity']({});
        }}
        onKeyDown={onKey}
      />
      <ul id={LIST_ID} className="picker-results" role="listbox" aria-label="Matching accounts">
        {results.map((account, i) => (
          <PickerRow
            key={account.id}
            account={account}
            code={state.codes.get(account.id)?.code ?? null}
            selected={i === active}
            onPick={() => void copy(account)}
          />
        ))}
      </ul>
      {results.length === 0 && <p className="picker-note">No account matches “{query}”.</p>}
      {message && (
        <p
          className={message.tone === 'error' ? 'field-error' : 'picker-note'}
          role="status"
          data-testid="picker-message"
        >
          {message.text}
        </p>
      )}
      <p className="picker-hint" aria-hidden="true">
        ↑↓ choose · Enter copy · Esc close
      </p>
    </div>
  );
}
