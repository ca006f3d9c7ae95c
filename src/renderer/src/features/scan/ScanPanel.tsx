import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useToast } from '../../ui/Toast';
import { deletePicture } from './delete-picture';
import { ScanResults } from './ScanResults';
import { scanSession } from './scan-session';
import { imagesIn, scanBlobs, scanImageFile, scanScreens } from './sources';
import { useScanShortcuts } from './use-scan-shortcuts';
import { WebcamScanner } from './WebcamScanner';
import './scan.css';

const MOD = navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl';

/** Every way in for a QR code: all screens, a picture file, drag-and-drop, paste, the webcam. */
export function ScanPanel({ onAdded }: { onAdded: (count: number) => void }) {
  const state = useSyncExternalStore(scanSession.subscribe, scanSession.getSnapshot);
  const [camera, setCamera] = useState(false);
  const [dragging, setDragging] = useState(false);
  const toast = useToast();
  const closeCamera = useCallback(() => setCamera(false), []);

  useScanShortcuts(useCallback(() => setCamera(true), []));

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

  return (
    <div
      className={`scan-panel${dragging ? ' dragging' : ''}`}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void scanBlobs(imagesIn(e.dataTransfer), 'the dropped file');
      }}
    >
      <div className="card scan-sources">
        <p className="hint">Show the QR code on screen, then:</p>
        <div className="source-buttons">
          <button
            type="button"
            className="primary"
            onClick={() => void scanScreens()}
            aria-keyshortcuts="Control+Shift+S"
          >
            Scan screen <kbd>{MOD}+Shift+S</kbd>
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => void scanImageFile()}
            aria-keyshortcuts="Control+O"
          >
            Open picture… <kbd>{MOD}+O</kbd>
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => setCamera(true)}
            aria-keyshortcuts="Control+Shift+C"
          >
            Use webcam <kbd>{MOD}+Shift+C</kbd>
          </button>
        </div>
        <p className="hint">
          Or drop a screenshot here, or paste one with <kbd>{MOD}+V</kbd>.
        </p>
        {state.busy && (
          <p className="hint" role="status" data-testid="scan-busy">
            {state.busy}
          </p>
        )}
        {state.notice && (
          <p
            className={state.notice.tone === 'error' ? 'field-error' : 'hint'}
            role="status"
            data-testid="scan-notice"
          >
            {state.notice.text}
          </p>
        )}
      </div>
      {camera && <WebcamScanner onClose={closeCamera} />}
      <ScanResults state={state} onAdded={added} />
    </div>
  );
}
