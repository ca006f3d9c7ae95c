import { useEscape } from '../../ui/escape';
import { CameraPicker } from './CameraPicker';
import { useWebcamScan } from './use-webcam-scan';

/**
 * Live camera preview with a device picker. Frames are decoded continuously; the camera is
 * released as soon as everything needed is read (a multi-part Google export keeps it open until
 * every part is in) or the view closes. The camera permission exists only while this is open.
 */
export function WebcamScanner({ onClose }: { onClose: () => void }) {
  // Escape closes the camera first (and releases it), then the Add account screen.
  useEscape(onClose);
  const { video, devices, deviceId, setDeviceId, message } = useWebcamScan(onClose);

  return (
    <div className="webcam card" aria-label="Webcam scanner">
      <video
        ref={video}
        muted
        playsInline
        className="webcam-preview"
        data-testid="webcam-preview"
      />
      <p className="hint" role="status">
        {message}
      </p>
      <div className="form-actions">
        {devices.length > 1 && (
          <CameraPicker devices={devices} deviceId={deviceId} onChange={setDeviceId} />
        )}
        <button type="button" className="secondary" onClick={onClose}>
          Stop camera
        </button>
      </div>
    </div>
  );
}
