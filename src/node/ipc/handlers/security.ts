import type { HandlersFor } from '../dispatch';
import type { Services } from '../../services/container';
import { settingsView, statusView } from './views';

export function securityHandlers(services: Services): HandlersFor<'security'> {
  const { vault } = services;
  return {
    'security:set-password': async ({ newPassword, currentPassword }) => {
      await vault.setPassword(
        newPassword,
        currentPassword === undefined ? {} : { currentPassword },
      );
      return statusView(services);
    },
    // The password itself (not only proof of it): the vault's credentials check it and wrap the
    // new master key under what remains.
    'security:remove-password': async ({ currentPassword }) => {
      await vault.removePassword(currentPassword);
      return statusView(services);
    },
    'security:enable-keychain': async () => {
      await vault.enableKeychain();
      return statusView(services);
    },
    'security:disable-auto-lock': async () => {
      await vault.updateSettings({ autoLockMinutes: null });
      services.unlocked();
      return settingsView(services);
    },
    'security:sign-out-device': async ({ currentPassword }) => {
      await vault.disableKeychain(currentPassword);
      await services.lockNow('signed-out');
      return statusView(services);
    },
    'security:erase-plan': () => vault.erasePlan(),
    'security:erase-all': async ({ confirmation }) => {
      await vault.eraseAll(confirmation);
      await services.lockNow('erased');
      return statusView(services);
    },
  };
}
