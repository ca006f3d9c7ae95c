import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useToast } from '../../ui/Toast';
import { deletePicture } from './delete-picture';
import { scanSession } from './scan-session';
import { useScanShortcuts } from './use-scan-shortcuts';

/**
 * The scan session while the panel is open (reset when it closes), whether the webcam view is
 * open, and what adding the found accounts says.
 */
export function useScanPanel(onAdded: (count: number) => void) {
  const state = useSyncExternalStore(scanSession.subscribe, scanSession.getSnapshot);
  const [camera, setCamera] = useState(false);
  const toast = useToast();
  const openCamera = useCallback(() => setCamera(true), []);
  const closeCamera = useCallback(() => setCamera(false), []);

  useScanShortcuts(openCamera);

  useEffect(() => () => void scanSession.reset(), []);

  const added = (count: number) => {
    // Adding closes this screen; the offer to delete the picture must outlive it, in the toast.
    const picture = state.offerDelete;
    void scanSession.reset();
    const text = count === 1 ? 'Added 1 account' : `Added ${count} accounts`;
    if (!picture) toast(text);
    else {
      toast(`${text}. ${picture.name} is still on disk.`, 'info', {
        label: 'Delete the picture',
        ms: 10_000,
        run: () => void deletePicture(picture, toast),
      });
    }
    onAdded(count);
  };

  return { state, camera, openCamera, closeCamera, added } as const;
}
