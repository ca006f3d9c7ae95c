import type { HandlersFor } from '../dispatch';
import type { Services } from '../../services/container';

export function codeHandlers(services: Services): HandlersFor<'codes'> {
  return {
    'codes:list': () => services.codes.list(),
    'codes:next-hotp': ({ id }) => services.codes.nextHotp(id),
  };
}
