import { useEffect, useRef, useState } from 'react';
import { latchkey } from '../../lib/bridge';
import { scanSession } from './scan-session';
import { readVideoFrame } from './video-frame';

/** Frames a second sent to the QR worker: steady, light on the CPU, quick enough to feel live. */
const FRAME_INTERVAL_MS = 125;

const CAMERA_FAILED =
  'The camera could not be opened. Check that no other app is using it and that Latchkey may use it.';

/**
 * Runs the chosen camera into the returned `video` element and decodes its frames until
 * everything needed is read (then calls `onDone`), the camera changes, or the view closes.
 * Main grants the camera permission only for that time.
 */
export function useWebcamScan(onDone: () => void) {
  const video = useRef<HTMLVideoElement>(null);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('Starting the camera…');

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
      if (busy || stopped || !v) return;
      const frame = readVideoFrame(v, canvas);
      if (!frame) return;
      busy = true;
      try {
        const hits = await scanSession.scanner.scan(frame);
        const fresh = hits.map((h) => h.text).filter((t) => !seen.has(t));
        if (fresh.length === 0 || stopped) return;
        fresh.forEach((t) => seen.add(t));
        await scanSession.readTexts(fresh);
        const view = scanSession.getSnapshot().view;
        // A multi-part Google export keeps the camera open until every part is in.
        const waiting = view?.batches.some((b) => b.missing.length > 0) ?? false;
        if (waiting) {
          setStatus('Part read. Show the next code of the export.');
        } else {
          stop();
          onDone();
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
        setError(CAMERA_FAILED);
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
  }, [deviceId, onDone]);

  return { video, devices, deviceId, setDeviceId, message: error ?? status } as const;
}
