import type { AccountIcon } from '../../../../../shared/account';
import { ErrorText } from '../../../lib/ErrorText';
import { Field } from '../../../ui/Field';

export interface Draft {
  readonly issuer: string;
  readonly name: string;
  readonly note: string;
  readonly favorite: boolean;
  readonly groups: readonly string[];
  /** null: the icon as it is (including a picture set meanwhile); set only when the user picks one. */
  readonly icon: Exclude<AccountIcon, { kind: 'picture' }> | null;
}

interface Props {
  readonly draft: Draft;
  readonly onChange: (draft: Draft) => void;
  readonly error: string | null;
}

/** Service, account, note and the favourite switch. */
export function EditorFields({ draft, onChange, error }: Props) {
  return (
    <>
      <div className="editor-fields">
        <Field label="Service">
          {(p) => (
            <input
              {...p}
              value={draft.issuer}
              onChange={(e) => onChange({ ...draft, issuer: e.target.value })}
            />
          )}
        </Field>
        <Field label="Account">
          {(p) => (
            <input
              {...p}
              value={draft.name}
              onChange={(e) => onChange({ ...draft, name: e.target.value })}
            />
          )}
        </Field>
      </div>
      <Field label="Note">
        {(p) => (
          <textarea
            {...p}
            rows={2}
            maxLength={10_000}
            value={draft.note}
            onChange={(e) => onChange({ ...draft, note: e.target.value })}
          />
        )}
      </Field>
      <label className="inline">
        <input
          type="checkbox"
          checked={draft.favorite}
          onChange={(e) => onChange({ ...draft, favorite: e.target.checked })}
        />{' '}
        Favourite (kept at the top of the list)
      </label>
      <ErrorText message={error} />
    </>
  );
}
