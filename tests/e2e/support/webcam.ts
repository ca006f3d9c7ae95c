import { expect, type Page } from '@playwright/test';
import type { CameraPort } from '../../../src/node/services/capture-port';

/** Records what the page told main about the camera (main grants the permission only while wanted). */
export function recordingCamera(): CameraPort & { readonly calls: boolean[] } {
  const calls: boolean[] = [];
  return { calls, setWanted: (active) => void calls.push(active) };
}

/**
 * Keeps a hand on every stream the page opens from the next load on, so a test can check
 * afterwards that the camera was really switched off (every track ended).
 */
export async function watchCameraStreams(page: Page): Promise<() => Promise<string[]>> {
  // Page code as text: this file is also type-checked with the Node project, which has no DOM.
  await page.addInitScript({
    content: `(() => {
      const streams = [];
      Object.defineProperty(window, '__cameraStreams', { value: streams });
      const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = async (constraints) => {
        const stream = await open(constraints);
        streams.push(stream);
        return stream;
      };
    })();`,
  });
  return () =>
    page.evaluate<string[]>(
      'window.__cameraStreams.flatMap((s) => s.getTracks().map((t) => `${t.kind}:${t.readyState}`))',
    );
}

export const fakeCameraFlags = (video: string): string[] => [
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${video}`,
  '--use-fake-ui-for-media-stream',
];

/**
 * Everything needed was read: the scanner view is gone, every camera track has ended, and main
 * was told the camera was wanted (first) and is no longer wanted (last).
 */
export async function expectCameraReleased(
  page: Page,
  tracks: () => Promise<string[]>,
  camera: { readonly calls: boolean[] },
): Promise<void> {
  await expect(page.getByTestId('webcam-preview')).toHaveCount(0);
  const states = await tracks();
  expect(states.length).toBeGreaterThan(0);
  expect(
    states.every((t) => t === 'video:ended'),
    states.join(', '),
  ).toBe(true);
  expect(camera.calls[0]).toBe(true);
  expect(camera.calls.at(-1)).toBe(false);
}
