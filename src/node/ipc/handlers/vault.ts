import type { VaultStatusView } from '../../../shared/bridge';
import { defaultMessage, type ErrorCode } from '../../../shared/errors';
import type { Handlers } from '../dispatch';
import type { Services } from '../../services/container';

type VaultHandlers = Pick<
  Handlers,
  | 'vault:status'
  | 'vault:create'
  | 'vault:unlock'
  | 'vault:lock'
  | 'vault:restore-generation'
  | 'settings:get'
  | 'settings:update'
  | 'security:set-password'
  | 'security:remove-password'
  | 'security:enable-keychain'
  | 'security:sign-out-device'
  | 'security:erase-all'
  | 'session:activity'
  | 'groups:create'
  | 'groups:rename'
  | 'groups:delete'
>;

export async function statusView(services: Services): Promise<VaultStatusView> {
  const status = await services.vault.status();
  const damagedCode = status.damaged?.code;
  return {
    state: status.state,
    slots: status.slots,
    keychainAvailable: status.keychainAvailable,
    lockedOutUntil: status.lockout?.until ?? null,
    damaged: damagedCode ? { code: damagedCode, message: messageFor(damagedCode) } : null,
  };
}

function messageFor(code: string): string {
  try {
    return defaultMessage(code as ErrorCode) ?? defaultMessage('vault.corrupt');
  } catch {
    return defaultMessage('vault.corrupt');
  }
}

export function vaultHandlers(services: Services): VaultHandlers {
  const { vault } = services;
  const settingsView = () => {
    const { autoLockMinutes, contentProtection, sortOrder, density, showNextCode } =
      vault.settings();
    const groups = services.organise.groups();
    return { autoLockMinutes, contentProtection, sortOrder, density, showNextCode, groups };
  };
  const afterUnlock = async () => {
    services.unlocked();
    return statusView(services);
  };
  /** Re-authentication for sensitive changes: the password when one exists. */
  const reauthenticate = async (currentPassword: string | undefined) => {
    const { slots } = await vault.status();
    if (!slots.password) return;
    await vault.verifyPassword(currentPassword ?? '');
  };
  return {
    'vault:status': () => statusView(services),
    'vault:create': async (options) => {
      await vault.create(options);
      return afterUnlock();
    },
    'vault:unlock': async (request) => {
      if (request.method === 'keychain') await vault.unlockWithKeychain();
      else await vault.unlockWithPassword(request.password);
      return afterUnlock();
    },
    'vault:lock': () => services.lockNow('user'),
    'vault:restore-generation': ({ id }) => vault.restoreGeneration(id),
    'settings:get': () => settingsView(),
    'settings:update': async (patch) => {
      await vault.updateSettings({
        ...(patch.autoLockMinutes !== undefined && { autoLockMinutes: patch.autoLockMinutes }),
        ...(patch.contentProtection !== undefined && {
          contentProtection: patch.contentProtection,
        }),
        ...(patch.sortOrder !== undefined && { sortOrder: patch.sortOrder }),
        ...(patch.density !== undefined && { density: patch.density }),
        ...(patch.showNextCode !== undefined && { showNextCode: patch.showNextCode }),
      });
      services.unlocked();
      return settingsView();
    },
    'security:set-password': async ({ newPassword, currentPassword }) => {
      await vault.setPassword(
        newPassword,
        currentPassword === undefined ? {} : { currentPassword },
      );
      return statusView(services);
    },
    'security:remove-password': async ({ currentPassword }) => {
      await reauthenticate(currentPassword);
      await vault.removePassword();
      return statusView(services);
    },
    'security:enable-keychain': async () => {
      await vault.enableKeychain();
      return statusView(services);
    },
    'security:sign-out-device': async () => {
      await vault.disableKeychain();
      await services.lockNow('signed-out');
      return statusView(services);
    },
    'security:erase-all': async ({ confirmation }) => {
      await vault.eraseAll(confirmation);
      await services.lockNow('erased');
      return statusView(services);
    },
    'session:activity': () => services.autoLock.activity(),
    'groups:create': async ({ name }) => {
      await services.organise.createGroup(name);
      return settingsView();
    },
    'groups:rename': async ({ from, to }) => {
      await services.organise.renameGroup(from, to);
      services.events.emit('accounts-changed', { ids: [] });
      return settingsView();
    },
    'groups:delete': async ({ name }) => {
      await services.organise.deleteGroup(name);
      services.events.emit('accounts-changed', { ids: [] });
      return settingsView();
    },
  };
}
