import { CLIPBOARD_CLEAR_CHOICES } from '../../../../shared/preferences';
import { Field } from '../../ui/Field';
import { Section } from '../../ui/Section';
import { usePreferences } from './use-preferences';

const label = (s: number | null) => (s === null ? 'Never' : `After ${s} seconds`);

/** How long a copied code stays on the clipboard. */
export function ClipboardSection() {
  const { view, update, error } = usePreferences();
  if (!view) return null;
  const value = view.preferences.clipboardClearSeconds;
  return (
    <Section title="Clipboard" testId="clipboard-section">
      <Field
        label="Clear a copied code from the clipboard"
        error={error}
        hint="Only if the clipboard still holds that code. Copied codes are also marked so clipboard history and clipboard managers leave them out where the system supports it (see the README)."
      >
        {(control) => (
          <select
            {...control}
            value={String(value ?? 'never')}
            onChange={(e) =>
              void update({
                clipboardClearSeconds: e.target.value === 'never' ? null : Number(e.target.value),
              })
            }
          >
            {CLIPBOARD_CLEAR_CHOICES.map((s) => (
              <option key={String(s)} value={String(s ?? 'never')}>
                {label(s)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </Section>
  );
}
