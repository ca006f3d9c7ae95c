import { useState, type KeyboardEvent } from 'react';
import { DEFAULT_HOTKEY, type HotkeyStatus } from '../../../../shared/preferences';
import { describeHotkey, hotkeyFromPress } from '../../../../shared/hotkey';
import { Field } from '../../ui/Field';
import { Section } from '../../ui/Section';
import { usePreferences } from './use-preferences';

const MAC = navigator.platform.startsWith('Mac');

function statusText(status: HotkeyStatus): string {
  switch (status.state) {
    case 'off':
      return 'Off. Open the quick picker from the tray instead.';
    case 'active':
      return `${describeHotkey(status.accelerator, MAC)} opens the quick picker from any app.`;
    case 'refused':
      return `${describeHotkey(status.accelerator, MAC)} is taken by another app (or your desktop does not allow global shortcuts). Choose another one, or turn it off.`;
    case 'unavailable':
      return 'Global shortcuts are not available here.';
  }
}

/** The global shortcut that opens the quick picker: see it, record a new one, or turn it off. */
export function ShortcutSection() {
  const { view, update, busy, error } = usePreferences();
  const [recording, setRecording] = useState(false);
  if (!view) return null;
  const record = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Tab') return;
    event.preventDefault();
    if (event.key === 'Escape') return setRecording(false);
    const accelerator = hotkeyFromPress(event, MAC);
    if (!accelerator) return;
    setRecording(false);
    void update({ hotkey: accelerator });
  };
  const on = view.preferences.hotkey !== null;
  return (
    <Section title="Quick picker shortcut" testId="shortcut-section">
      <p className="hint" role="status" data-testid="hotkey-status">
        {statusText(view.hotkey)}
      </p>
      {recording ? (
        <Field label="Press the new shortcut" error={error} hint="Escape keeps the current one.">
          {(control) => (
            <input
              {...control}
              readOnly
              autoFocus
              value=""
              placeholder="e.g. Ctrl+Alt+K"
              onKeyDown={record}
              onBlur={() => setRecording(false)}
            />
          )}
        </Field>
      ) : (
        error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )
      )}
      <div className="form-actions">
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => setRecording(true)}
        >
          Change shortcut…
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void update({ hotkey: on ? null : DEFAULT_HOTKEY })}
        >
          {on ? 'Turn the shortcut off' : `Turn on (${describeHotkey(DEFAULT_HOTKEY, MAC)})`}
        </button>
      </div>
    </Section>
  );
}
