import { useEffect } from 'react';
import { imagesIn, scanBlobs, scanImageFile, scanScreens } from './sources';

/**
 * While the scan panel is open: Ctrl/⌘+Shift+S scans every screen, Ctrl/⌘+O opens a picture,
 * Ctrl/⌘+Shift+C starts the webcam, and a pasted picture is scanned.
 */
export function useScanShortcuts(openCamera: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (event.shiftKey && key === 's') {
        event.preventDefault();
        void scanScreens();
      } else if (!event.shiftKey && key === 'o') {
        event.preventDefault();
        void scanImageFile();
      } else if (event.shiftKey && key === 'c') {
        event.preventDefault();
        openCamera();
      }
    };
    const onPaste = (event: ClipboardEvent) => {
      const images = imagesIn(event.clipboardData);
      if (images.length === 0) return;
      event.preventDefault();
      void scanBlobs(images, 'the pasted picture');
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('paste', onPaste);
    };
  }, [openCamera]);
}
