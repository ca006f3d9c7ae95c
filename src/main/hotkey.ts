import { globalShortcut } from 'electron';

/**
 * The one global shortcut. `register` returns false when the OS refuses (another app holds the
 * combination, or a Wayland session without the global-shortcuts portal).
 */
export function electronHotkey(onPress: () => void) {
  let current: string | null = null;
  return (accelerator: string | null): 'active' | 'refused' => {
    if (current) globalShortcut.unregister(current);
    current = null;
    if (accelerator === null) return 'active';
    if (!globalShortcut.register(accelerator, onPress)) return 'refused';
    current = accelerator;
    return 'active';
  };
}
