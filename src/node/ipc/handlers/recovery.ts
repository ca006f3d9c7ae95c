import { toPublicAccount } from '../../../core/common/model';
import type { HandlersFor } from '../dispatch';
import type { Services } from '../../services/container';

export function recoveryHandlers(services: Services): HandlersFor<'recovery'> {
  const { recovery, accounts, events } = services;
  const publicAccount = (id: string) => {
    events.emit('accounts-changed', { ids: [id] });
    return toPublicAccount(accounts.get(id));
  };
  return {
    'recovery:set': async ({ id, block }) => {
      await recovery.set(id, block);
      return publicAccount(id);
    },
    'recovery:reveal': ({ id }) => recovery.reveal(id),
    'recovery:mark': async ({ id, index, used }) => {
      await recovery.mark(id, index, used);
      return publicAccount(id);
    },
    'recovery:remove': async ({ id }) => {
      await recovery.remove(id);
      return publicAccount(id);
    },
  };
}
