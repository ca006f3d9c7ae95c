import { existsSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CameraPort } from '../../src/main/services/capture-port';
import { chromiumLaunchOptions } from './harness/chromium';
import { expect, test } from './fixtures';
import { expectCodeFor, expectNoAxeViolations, openScan, totpUri } from './support/scan-flow';
import { writeWebcamVideo } from './support/y4m';

const SECRET = 'OBQXG43XN5ZGIZLSMVXWI2LOM4YTEMZU';
const URI = totpUri('Webcam Club', 'cam@example.com', SECRET);

// Chromium's fake camera plays this file. The browser is started with it, so it is written when
// this file loads — the same bytes every time, renamed into place so a concurrent load never
// sees half a file, and rewritten when the generator changes.
const VIDEO = join(tmpdir(), 'latchkey-e2e-webcam-qr.y4m');
const generator = fileURLToPath(new URL('./support/y4m.ts', import.meta.url));
if (!existsSync(VIDEO) || statSync(VIDEO).mtimeMs < statSync(generator).mtimeMs) {
  const partial = `${VIDEO}.${process.pid}.part`;
  writeWebcamVideo(partial, URI);
  renameSync(partial, VIDEO);
}

test.use({
  launchOptions: chromiumLaunchOptions([
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${VIDEO}`,
    '--use-fake-ui-for-media-stream',
  ]),
});

/** Records what the page told main about the camera (main grants the permission only while wanted). */
function recordingCamera(): CameraPort & { readonly calls: boolean[] } {
  const calls: boolean[] = [];
  return { calls, setWanted: (active) => void calls.push(active) };
}

test('scan: a QR code held up to the webcam — moving, sometimes blurred — is read, the camera stops, the account is added', async ({
  app,
}) => {
  const { page } = app;
  // Keep a hand on every stream the page opens, to check afterwards that the camera is off.
  await page.addInitScript(() => {
    const streams: MediaStream[] = [];
    Object.defineProperty(window, '__cameraStreams', { value: streams });
    const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await open(constraints);
      streams.push(stream);
      return stream;
    };
  });
  const camera = recordingCamera();
  await app.restart({ camera });
  await openScan(page);

  await page.getByRole('button', { name: /^Use webcam/ }).click();
  const item = page.getByTestId('found-item');
  await expect(item).toHaveCount(1, { timeout: 15_000 });
  await expect(item).toContainText('Webcam Club');

  // Everything needed is read: the scanner closes and the camera is released.
  await expect(page.getByTestId('webcam-preview')).toHaveCount(0);
  const tracks = await page.evaluate(() =>
    (window as unknown as { __cameraStreams: MediaStream[] }).__cameraStreams.flatMap((s) =>
      s.getTracks().map((t) => `${t.kind}:${t.readyState}`),
    ),
  );
  expect(tracks.length).toBeGreaterThan(0);
  expect(
    tracks.every((t) => t === 'video:ended'),
    tracks.join(', '),
  ).toBe(true);
  expect(camera.calls[0]).toBe(true);
  expect(camera.calls.at(-1)).toBe(false);
  await expectNoAxeViolations(page, 'webcam result');

  await page.getByRole('button', { name: 'Add 1 account' }).click();
  await expect(page.getByTestId('account-row')).toHaveCount(1);
  await expectCodeFor(page, 'Webcam Club', SECRET, 'cam@example.com');
});
