import { useState, type FormEvent } from 'react';
import type { SettingsView } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { useBridgeAction } from '../../lib/use-bridge-action';
import { Field } from '../../ui/Field';
import { listPrefsStore } from './list-prefs-store';

const adopt = { onSuccess: (view: SettingsView) => listPrefsStore.adopt(view) };

/** Create, rename and delete groups (deleting a group keeps its accounts). */
export function GroupManager({ groups }: { groups: readonly string[] }) {
  const [name, setName] = useState('');
  const create = useBridgeAction(latchkey['groups:create'], adopt);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() && (await create.run({ name: name.trim() }))) setName('');
  };
  return (
    <div className="stack">
      <h3>Groups</h3>
      {groups.length === 0 && <p className="hint">No groups yet.</p>}
      <ul className="group-list">
        {groups.map((g) => (
          <GroupRow key={g} name={g} />
        ))}
      </ul>
      <form onSubmit={(e) => void submit(e)} className="inline-form">
        <Field label="New group" error={create.error}>
          {(props) => (
            <input
              {...props}
              value={name}
              maxLength={64}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="secondary small" disabled={create.busy}>
          Create group
        </button>
      </form>
    </div>
  );
}

function GroupRow({ name }: { name: string }) {
  const [draft, setDraft] = useState(name);
  const rename = useBridgeAction(latchkey['groups:rename'], adopt);
  const remove = useBridgeAction(latchkey['groups:delete'], { ...adopt, toastErrors: true });
  return (
    <li className="group-row">
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim() && draft.trim() !== name)
            void rename.run({ from: name, to: draft.trim() });
        }}
      >
        <Field label={`Name of group ${name}`} error={rename.error}>
          {(props) => (
            <input
              {...props}
              value={draft}
              maxLength={64}
              onChange={(e) => setDraft(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="secondary small">
          Rename
        </button>
        <button
          type="button"
          className="secondary small danger"
          onClick={() => void remove.run({ name })}
        >
          Delete group
        </button>
      </form>
    </li>
  );
}
