import type { HandlersFor } from '../dispatch';
import type { Services } from '../../services/container';

export function stagingHandlers(services: Services): HandlersFor<'staging'> {
  const { scan, staging, events } = services;
  return {
    'staging:view': () => scan.view(),
    'staging:add': async ({ choices, keepDuplicates }) => {
      const { added, skipped } = await staging.commit(choices, keepDuplicates);
      if (added.length > 0) events.emit('accounts-changed', { ids: added });
      return { added: added.length, skipped };
    },
    'staging:reset': () => scan.reset(),
  };
}
