import { useId } from 'react';
import { Section } from '../../ui/Section';
import { usePreferences, type PreferencesPatch } from './use-preferences';

type Switch = 'closeToTray' | 'startAtLogin' | 'startHidden';

/** Tray and start-up: keep running when the window closes, start at login, start hidden. */
export function DesktopSection() {
  const { view, update, busy, error } = usePreferences();
  const ids = { closeToTray: useId(), startAtLogin: useId(), startHidden: useId() };
  if (!view) return null;
  const { preferences, capabilities } = view;
  const choice = (key: Switch, label: string, enabled: boolean, hint?: string) => (
    <div className="choice">
      <input
        id={ids[key]}
        type="checkbox"
        checked={preferences[key]}
        disabled={busy || !enabled}
        onChange={(e) => void update({ [key]: e.target.checked } as PreferencesPatch)}
      />
      <label htmlFor={ids[key]}>{label}</label>
      {hint && <p className="hint">{hint}</p>}
    </div>
  );
  return (
    <Section title="Tray and start-up" testId="desktop-section">
      {choice(
        'closeToTray',
        'Keep Latchkey in the tray when its window is closed',
        capabilities.tray,
        'The shortcut and the tray menu keep working. Quit from the tray menu.',
      )}
      {choice('startAtLogin', 'Start Latchkey when I log in', capabilities.startAtLogin)}
      {choice(
        'startHidden',
        'When started at login, stay in the tray',
        capabilities.startAtLogin && preferences.startAtLogin && capabilities.tray,
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Section>
  );
}
