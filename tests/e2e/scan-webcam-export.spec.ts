import { chromiumLaunchOptions } from './harness/chromium';
import { expect, test } from './fixtures';
import { threePartExport } from './support/google-export';
import { expectCodeFor, expectNoAxeViolations, openScan } from './support/scan-flow';
import {
  expectCameraReleased,
  fakeCameraFlags,
  recordingCamera,
  watchCameraStreams,
} from './support/webcam';
import { ensureWebcamVideo } from './support/y4m';

const { parts, accounts } = threePartExport();

// The phone shows the three export codes one after the other (1.5 s each), held up to an
// 800×600 camera; the video loops, as a user would flick back through the parts.
const VIDEO = ensureWebcamVideo('webcam-ga-export', parts, {
  width: 800,
  height: 600,
  seconds: 4.5,
  scale: 4,
  blurRadius: 1,
});

test.use({ launchOptions: chromiumLaunchOptions(fakeCameraFlags(VIDEO)) });

test('scan: a three-part Google Authenticator export shown to the webcam keeps the camera open until every part is in', async ({
  app,
}) => {
  const { page } = app;
  const cameraTracks = await watchCameraStreams(page);
  const camera = recordingCamera();
  await app.restart({ camera });
  await openScan(page);
  await page.getByRole('button', { name: /^Use webcam/ }).click();

  // A part is in, others are not: the camera stays on and asks for the next code.
  await expect(page.getByTestId('batch-missing')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('webcam-preview')).toBeVisible();
  await expect(page.getByLabel('Webcam scanner').getByRole('status')).toContainText(
    'Show the next code of the export',
  );

  await expect(page.getByTestId('batch-complete')).toContainText('All 3 parts', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('found-item')).toHaveCount(22);
  await expectCameraReleased(page, cameraTracks, camera);
  await expectNoAxeViolations(page, 'webcam export result');

  await page.getByRole('button', { name: 'Add 22 accounts' }).click();
  // Every account has a row; those far from the screen are placeholders until scrolled to.
  await expect(page.locator('[data-account-id]')).toHaveCount(22);
  for (const i of [1, 12, 21]) {
    const { issuer, name, secret } = accounts[i]!;
    await expectCodeFor(page, issuer, secret, name);
  }
});
