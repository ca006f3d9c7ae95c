import type { HandlersFor } from '../dispatch';
import type { Services } from '../../services/container';

export function captureHandlers(services: Services): HandlersFor<'capture'> {
  return {
    'capture:screens': async () => ({ frames: await services.capture.captureAll() }),
    'capture:camera': ({ active }) => services.camera.setWanted(active),
  };
}
