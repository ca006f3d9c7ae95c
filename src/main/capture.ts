import { desktopCapturer, screen, systemPreferences } from 'electron';
import type { CaptureFrame } from '../shared/bridge';
import { LatchkeyError } from '../shared/errors';
import type { ScreenCapturePort } from '../node/services/capture-port';

/**
 * Captures every display at its native resolution (size × scale factor) with desktopCapturer.
 * On macOS the screen-recording permission is checked first, so the user gets instructions
 * instead of a black picture.
 */
export const electronScreenCapture: ScreenCapturePort = {
  async captureAll(): Promise<CaptureFrame[]> {
    if (process.platform === 'darwin') {
      const access = systemPreferences.getMediaAccessStatus('screen');
      if (access === 'denied' || access === 'restricted')
        throw new LatchkeyError('capture.permission-denied');
    }
    const displays = screen.getAllDisplays();
    const pixelSize = (d: Electron.Display) => ({
      width: Math.round(d.size.width * d.scaleFactor),
      height: Math.round(d.size.height * d.scaleFactor),
    });
    const largest = displays.map(pixelSize).reduce(
      (max, s) => ({
        width: Math.max(max.width, s.width),
        height: Math.max(max.height, s.height),
      }),
      { width: 1, height: 1 },
    );
    const sources = await desktopCapturer
      .getSources({ types: ['screen'], thumbnailSize: largest })
      .catch(() => {
        throw new LatchkeyError('capture.unavailable');
      });
    return sources.map((source, i) => {
      const display = displays.find((d) => String(d.id) === source.display_id) ?? displays[i];
      const size = display ? pixelSize(display) : source.thumbnail.getSize();
      const image = source.thumbnail.resize({ ...size, quality: 'best' });
      const actual = image.getSize();
      return {
        id: source.id,
        label: source.name,
        width: actual.width,
        height: actual.height,
        // toBitmap is BGRA on every platform Electron supports.
        encoding: 'bgra',
        pixels: new Uint8Array(image.toBitmap()),
      };
    });
  },
};
