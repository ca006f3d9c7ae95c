import type { HandlersFor } from '../dispatch';
import type { Services } from '../../services/container';

export function sessionHandlers(services: Services): HandlersFor<'session'> {
  return {
    'session:activity': () => services.autoLock.activity(),
  };
}
