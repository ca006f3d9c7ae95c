import type { HandlersFor } from '../dispatch';
import type { Services } from '../../services/container';
import { statusView } from './views';

export function vaultHandlers(services: Services): HandlersFor<'vault'> {
  const { vault } = services;
  const afterUnlock = async () => {
    services.unlocked();
    return statusView(services);
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
  };
}
