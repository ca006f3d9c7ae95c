import type { HandlersFor } from '../dispatch';
import type { Services } from '../../services/container';
import { settingsView } from './views';

export function groupHandlers(services: Services): HandlersFor<'groups'> {
  const { organise, events } = services;
  return {
    'groups:create': async ({ name }) => {
      await organise.createGroup(name);
      return settingsView(services);
    },
    'groups:rename': async ({ from, to }) => {
      await organise.renameGroup(from, to);
      events.emit('accounts-changed', { ids: [] });
      return settingsView(services);
    },
    'groups:delete': async ({ name }) => {
      await organise.deleteGroup(name);
      events.emit('accounts-changed', { ids: [] });
      return settingsView(services);
    },
  };
}
