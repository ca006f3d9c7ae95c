import type { HandlersFor } from '../dispatch';
import type { Services } from '../../services/container';

export function scanHandlers(services: Services): HandlersFor<'scan'> {
  return {
    'scan:read-texts': ({ texts }) => services.scan.readTexts(texts),
  };
}
