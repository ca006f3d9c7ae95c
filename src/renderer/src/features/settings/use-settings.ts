import type { SettingsView } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { useBridgeValue } from '../../lib/use-bridge-action';
import { useToast } from '../../ui/Toast';

export type SettingsPatch = Parameters<(typeof latchkey)['settings:update']>[0];

/**
 * The settings as main has them, and an update that shows the choice at once; main's answer
 * confirms it (or puts the old value back, with its reason as a message).
 */
export function useSettings() {
  const [settings, setSettings] = useBridgeValue(() => latchkey['settings:get']({}));
  const toast = useToast();
  const update = async (patch: SettingsPatch) => {
    const before = settings;
    if (settings) setSettings({ ...settings, ...patch } as SettingsView);
    const result = await latchkey['settings:update'](patch);
    if (!result.ok) {
      if (before) setSettings(before);
      return toast(result.error.message, 'error');
    }
    setSettings(result.value);
    toast('Saved');
  };
  /** Main's settings after a change made through another operation (auto-lock never). */
  const replace = (next: SettingsView) => setSettings(next);
  return { settings, update, replace } as const;
}
