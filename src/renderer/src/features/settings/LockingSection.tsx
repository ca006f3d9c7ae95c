import { useId } from 'react';
import { Field } from '../../ui/Field';
import { Section } from '../../ui/Section';
import { useSettings } from './use-settings';

const AUTO_LOCK_CHOICES: readonly (number | null)[] = [1, 2, 5, 10, 15, 30, 60, null];

function minutes(m: number | null): string {
  if (m === null) return 'Never';
  return m === 1 ? '1 minute' : `${m} minutes`;
}

/** When Latchkey locks itself, and whether screenshots may see it. */
export function LockingSection() {
  const { settings, update } = useSettings();
  const protectionId = useId();
  const setAutoLock = (value: string) =>
    void update({ autoLockMinutes: value === 'never' ? null : Number(value) });
  return (
    <Section title="Locking">
      <Field
        label="Lock after this long without use"
        hint="Latchkey also locks when the computer sleeps or the screen locks."
      >
        {(control) => (
          <select
            {...control}
            value={settings ? String(settings.autoLockMinutes ?? 'never') : '5'}
            onChange={(e) => setAutoLock(e.target.value)}
          >
            {AUTO_LOCK_CHOICES.map((m) => (
              <option key={String(m)} value={String(m ?? 'never')}>
                {minutes(m)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="choice">
        <input
          id={protectionId}
          type="checkbox"
          checked={settings?.contentProtection ?? true}
          aria-describedby={`${protectionId}-hint`}
          onChange={(e) => void update({ contentProtection: e.target.checked })}
        />
        <label htmlFor={protectionId}>Hide Latchkey from screenshots and screen sharing</label>
        <p className="hint" id={`${protectionId}-hint`}>
          Works on Windows and macOS; Linux does not offer it.
        </p>
      </div>
    </Section>
  );
}
