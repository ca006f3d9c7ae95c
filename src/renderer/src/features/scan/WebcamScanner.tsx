import { useEffect, useId, useRef, useState } from 'react';
import { latchkey } from '../../lib/bridge';
import { useEscape } from '../../ui/escape';
import { scanSession } from './scan-session';

/** Frames a second sent to the QR worker: steady, light on the CPU, quick enough to feel live. */
const FRAME_INTERVAL_MS = 125;

/**
 * Live camera preview with a device picker. Frames are decoded continuously; the camera is
 * released as soon as everything needed is read (a multi-part Google export keeps it open until
 * every part is in) or the view closes. The camera permission exists only while this is open.
 */
export function WebcamScanner({ onClose }: { onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('Starting the camera…');
  const pickerId = useId();
  // Escape closes the camera first (and releases it), then the Add account screen.
  useEscape(onClose);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const seen = new Set<string>();
    let busy = false;
    const canvas = document.createElement('canvas');

    const stop = () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
      stream = null;
      void latchkey['capture:camera']({ active: false });
    };

    const grab = async () => {
      const v = video.current;
      if (busy || stopped || !v || v.readyState < 2 || v.videoWidth === 0) return;
      busy = true;
      try {
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        const context = canvas.getContext('2d', { willReadFrequently: true })!;
        context.drawImage(v, 0, 0);
        const frame = context.getImageData(0, 0, canvas.width, canvas.height);
        const hits = await scanSession.scanner.scan(frame);
        const fresh = hits.map((h) => h.text).filter((t) => !seen.has(t));
        if (fresh.length === 0 || stopped) return;
        fresh.forEach((t) => seen.add(t));
        await scanSession.readTexts(fresh);
        const view = scanSession.getSnapshot().view;
        const waiting = view?.batches.some((b) => b.missing.length > 0) ?? false;
        if (waiting) {
          setStatus('Part read. Show the next code of the export.');
        } else {
          stop();
          onClose();
        }
      } finally {
        busy = false;
      }
    };

    const start = async () => {
      await latchkey['capture:camera']({ active: true });
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: deviceId ? { deviceId: { exact: deviceId } } : { facingMode: 'environment' },
          audio: false,
        });
      } catch {
        setError(
          'The camera could not be opened. Check that no other app is using it and that Latchkey may use it.',
        );
        void latchkey['capture:camera']({ active: false });
        return;
      }
      if (stopped) return stop();
      const list = await navigator.mediaDevices.enumerateDevices();
      setDevices(list.filter((d) => d.kind === 'videoinput'));
      if (video.current) {
        video.current.srcObject = stream;
        await video.current.play().catch(() => {});
      }
      setStatus('Hold the QR code in front of the camera.');
      timer = setInterval(() => void grab(), FRAME_INTERVAL_MS);
    };
    void start();
    return stop;
  }, [deviceId, onClose]);

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
        {error ?? status}
      </p>
      <div className="form-actions">
        {devices.length > 1 && (
          <>
            <label htmlFor={pickerId}>Camera</label>
            <select id={pickerId} value={deviceId} onChange={(e) => setDeviceId(e.target.value)}>
              {devices.map((d, i) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || `Camera ${i + 1}`}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="button" className="secondary" onClick={onClose}>
          Stop camera
        </button>
      </div>
    </div>
  );
}
