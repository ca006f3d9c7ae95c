import type { HandlersFor } from '../dispatch';
import type { Services } from '../../services/container';

export function preferencesHandlers(services: Services): HandlersFor<'preferences'> {
  return {
    'preferences:get': () => services.shell.view(),
    'preferences:update': (patch) => services.shell.update(patch),
  };
}
