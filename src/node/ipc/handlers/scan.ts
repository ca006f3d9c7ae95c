import type { Handlers } from '../dispatch';
import type { Services } from '../../services/container';

type ScanHandlers = Pick<
  Handlers,
  | 'capture:screens'
  | 'capture:camera'
  | 'files:open-image'
  | 'files:delete-image'
  | 'scan:read-texts'
  | 'staging:view'
  | 'staging:add'
  | 'staging:reset'
>;

export function scanHandlers(services: Services): ScanHandlers {
  const { scan, staging, events } = services;
  return {
    'capture:screens': async () => ({ frames: await services.capture.captureAll() }),
    'capture:camera': ({ active }) => services.camera.setWanted(active),
    'files:open-image': () => services.imageFiles.open(),
    'files:delete-image': ({ token }) => services.imageFiles.delete(token),
    'scan:read-texts': ({ texts }) => scan.readTexts(texts),
    'staging:view': () => scan.view(),
    'staging:add': async ({ choices, keepDuplicates }) => {
      const { added, skipped } = await staging.commit(choices, keepDuplicates);
      if (added.length > 0) events.emit('accounts-changed', { ids: added });
      return { added: added.length, skipped };
    },
    'staging:reset': () => scan.reset(),
  };
}
