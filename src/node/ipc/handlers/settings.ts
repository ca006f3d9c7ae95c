import type { HandlersFor } from '../dispatch';
import type { Services } from '../../services/container';
import { settingsView } from './views';

export function settingsHandlers(services: Services): HandlersFor<'settings'> {
  return {
    'settings:get': () => settingsView(services),
    'settings:update': async (patch) => {
      await services.vault.updateSettings({
        ...(patch.autoLockMinutes !== undefined && { autoLockMinutes: patch.autoLockMinutes }),
        ...(patch.contentProtection !== undefined && {
          contentProtection: patch.contentProtection,
        }),
        ...(patch.sortOrder !== undefined && { sortOrder: patch.sortOrder }),
        ...(patch.density !== undefined && { density: patch.density }),
        ...(patch.showNextCode !== undefined && { showNextCode: patch.showNextCode }),
      });
      services.unlocked();
      return settingsView(services);
    },
  };
}
