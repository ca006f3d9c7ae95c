import type { HandlersFor } from '../dispatch';
import type { Services } from '../../services/container';

export function fileHandlers(services: Services): HandlersFor<'files'> {
  return {
    'files:open-image': () => services.imageFiles.open(),
    'files:delete-image': ({ token }) => services.imageFiles.delete(token),
  };
}
