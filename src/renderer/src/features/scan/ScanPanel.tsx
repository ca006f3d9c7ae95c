import { ScanResults } from './ScanResults';
import { ScanSources } from './ScanSources';
import { usePictureDrop } from './use-picture-drop';
import { useScanPanel } from './use-scan-panel';
import { WebcamScanner } from './WebcamScanner';
import './scan.css';

/** Every way in for a QR code: all screens, a picture file, drag-and-drop, paste, the webcam. */
export function ScanPanel({ onAdded }: { onAdded: (count: number) => void }) {
  const { state, camera, openCamera, closeCamera, added } = useScanPanel(onAdded);
  const { dragging, dropHandlers } = usePictureDrop();

  return (
    <div
      className={`scan-panel${dragging ? ' dragging' : ''}`}
      data-testid="drop-zone"
      {...dropHandlers}
    >
      <ScanSources busy={state.busy} notice={state.notice} onCamera={openCamera} />
      {camera && <WebcamScanner onClose={closeCamera} />}
      <ScanResults state={state} onAdded={added} />
    </div>
  );
}
