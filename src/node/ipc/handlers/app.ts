import type { HandlersFor } from '../dispatch';
import type { Services } from '../../services/container';

export function appHandlers(services: Services): HandlersFor<'app'> {
  return {
    'app:info': () => ({ name: 'Latchkey', version: services.appVersion }),
  };
}
