import type { HandlersFor } from '../dispatch';
import type { Services } from '../../services/container';

export function reauthHandlers(services: Services): HandlersFor<'reauth'> {
  return {
    // `dispatch` has verified the proof (the contract states the reason) before this runs.
    'reauth:grant': ({ reauth }) => services.reauth.grant(reauth),
    'reauth:drop': () => services.reauth.drop(),
  };
}
