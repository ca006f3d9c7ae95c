import type { CaptureFrame } from '../../shared/bridge';

/**
 * The one seam that differs between the app and the end-to-end tests: Electron captures with
 * desktopCapturer; the tests grab a real Xvfb display with a real screen grabber.
 */
export interface ScreenCapturePort {
  captureAll(): Promise<CaptureFrame[]>;
}

/** Asks the user for a picture file (main's native dialog in the app). */
export interface ImageFilePort {
  chooseImage(): Promise<string | null>;
}

/** Tells the platform the webcam scanner is open, so the camera permission may be granted. */
export interface CameraPort {
  setWanted(active: boolean): void;
}
