import { useState, type DragEvent } from 'react';
import { imagesIn, scanBlobs } from './sources';

/** A drop target for screenshots: marked while something is dragged over it, scanned on drop. */
export function usePictureDrop() {
  const [dragging, setDragging] = useState(false);
  const dropHandlers = {
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      void scanBlobs(imagesIn(e.dataTransfer), 'the dropped file');
    },
  };
  return { dragging, dropHandlers } as const;
}
