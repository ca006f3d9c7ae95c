import { useState } from 'react';

interface Props {
  readonly all: readonly string[];
  readonly chosen: readonly string[];
  readonly onChange: (groups: readonly string[]) => void;
}

/** Tick the account's groups, or name a new one. */
export function GroupChooser({ all, chosen, onChange }: Props) {
  const [extra, setExtra] = useState('');
  const names = [...new Set([...all, ...chosen])];
  const toggle = (g: string, on: boolean) =>
    onChange(on ? [...chosen, g] : chosen.filter((c) => c !== g));
  const addNew = () => {
    const name = extra.trim();
    if (name && !chosen.includes(name)) onChange([...chosen, name]);
    setExtra('');
  };
  return (
    <fieldset className="stack">
      <legend>Groups</legend>
      <div className="group-choices">
        {names.map((g) => (
          <label key={g} className="inline">
            <input
              type="checkbox"
              checked={chosen.includes(g)}
              onChange={(e) => toggle(g, e.target.checked)}
            />{' '}
            {g}
          </label>
        ))}
      </div>
      <div className="inline-form">
        <label className="inline-select">
          <span>New group</span>
          <input
            value={extra}
            maxLength={64}
            onChange={(e) => setExtra(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addNew();
              }
            }}
          />
        </label>
        <button type="button" className="secondary small" onClick={addNew} disabled={!extra.trim()}>
          Add to group
        </button>
      </div>
    </fieldset>
  );
}
