import type { HandlersFor } from '../dispatch';
import type { Services } from '../../services/container';

export function importHandlers(services: Services): HandlersFor<'import'> {
  const { imports } = services;
  return {
    'import:open-file': () => imports.openFile(),
    'import:open-text': ({ text }) => imports.openText(text),
    'import:read': ({ token, password }) => imports.read(token, password),
    'import:cancel': ({ token }) => imports.cancel(token),
  };
}
