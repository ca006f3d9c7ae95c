import type { HandlersFor } from '../dispatch';
import type { Services } from '../../services/container';

export function clipboardHandlers(services: Services): HandlersFor<'clipboard'> {
  return {
    'clipboard:copy-code': ({ id }) => services.clipboard.copyCode(id),
  };
}
