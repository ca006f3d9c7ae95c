import { useId, useState } from 'react';
import type { VaultStatusView } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { useBridgeAction } from '../../lib/use-bridge-action';
import { Field } from '../../ui/Field';
import { Section } from '../../ui/Section';
import { ConfirmWithPassword } from './ConfirmWithPassword';
import { useSettings } from './use-settings';

const AUTO_LOCK_CHOICES: readonly (number | null)[] = [1, 2, 5, 10, 15, 30, 60, null];

function minutes(m: number | null): string {
  if (m === null) return 'Never';
  return m === 1 ? '1 minute' : `${m} minutes`;
}

/** When Latchkey locks itself, and whether screenshots may see it. */
export function LockingSection({ status }: { status: VaultStatusView }) {
  const { settings, update, replace } = useSettings();
  const protectionId = useId();
  // Never locking weakens protection: main wants the password first (security:disable-auto-lock).
  const [askingNever, setAskingNever] = useState(false);
  const never = useBridgeAction(latchkey['security:disable-auto-lock'], {
    onSuccess: (view) => {
      replace(view);
      setAskingNever(false);
    },
  });
  const setAutoLock = (value: string) =>
    value === 'never' ? setAskingNever(true) : void update({ autoLockMinutes: Number(value) });
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
      {askingNever && (
        <ConfirmWithPassword
          explanation="Latchkey will stay open until you lock it or the computer sleeps."
          action="Never lock"
          busy={never.busy}
          error={never.error}
          hasPassword={status.slots.password}
          onConfirm={(reauth) => void never.run({ reauth })}
          onCancel={() => setAskingNever(false)}
        />
      )}
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
