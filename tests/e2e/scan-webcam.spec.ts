import { chromiumLaunchOptions } from './harness/chromium';
import { expect, test } from './fixtures';
import { expectCodeFor, expectNoAxeViolations, openScan, totpUri } from './support/scan-flow';
import {
  expectCameraReleased,
  fakeCameraFlags,
  recordingCamera,
  watchCameraStreams,
} from './support/webcam';
import { ensureWebcamVideo } from './support/y4m';

const SECRET = 'OBQXG43XN5ZGIZLSMVXWI2LOM4YTEMZU';
const URI = totpUri('Webcam Club', 'cam@example.com', SECRET);

// Chromium's fake camera plays this file (written when this spec loads: the browser starts with it).
const VIDEO = ensureWebcamVideo('webcam-qr', URI);

test.use({ launchOptions: chromiumLaunchOptions(fakeCameraFlags(VIDEO)) });

test('scan: a QR code held up to the webcam — moving, sometimes blurred — is read, the camera stops, the account is added', async ({
  app,
}) => {
  const { page } = app;
  const cameraTracks = await watchCameraStreams(page);
  const camera = recordingCamera();
  await app.restart({ camera });
  await openScan(page);

  await page.getByRole('button', { name: /^Use webcam/ }).click();
  const item = page.getByTestId('found-item');
  await expect(item).toHaveCount(1, { timeout: 15_000 });
  await expect(item).toContainText('Webcam Club');

  // Everything needed is read: the scanner closes and the camera is released.
  await expectCameraReleased(page, cameraTracks, camera);
  await expectNoAxeViolations(page, 'webcam result');

  await page.getByRole('button', { name: 'Add 1 account' }).click();
  await expect(page.getByTestId('account-row')).toHaveCount(1);
  await expectCodeFor(page, 'Webcam Club', SECRET, 'cam@example.com');
});
