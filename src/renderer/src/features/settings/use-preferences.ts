import type { PreferencesView } from '../../../../shared/preferences';
import { latchkey } from '../../lib/bridge';
import { useBridgeAction, useBridgeValue } from '../../lib/use-bridge-action';
import { useToast } from '../../ui/Toast';

export type PreferencesPatch = Parameters<(typeof latchkey)['preferences:update']>[0];

/**
 * The preferences around the vault (shortcut, tray, login, clipboard) as main applies them, and
 * an update whose failure stays with the form that asked (a refused shortcut, say).
 */
export function usePreferences() {
  const [view, setView] = useBridgeValue(() => latchkey['preferences:get']({}));
  const toast = useToast();
  const action = useBridgeAction(latchkey['preferences:update'], {
    onSuccess: (next: PreferencesView) => {
      setView(next);
      toast('Saved');
    },
  });
  return { view, update: action.run, busy: action.busy, error: action.error } as const;
}
