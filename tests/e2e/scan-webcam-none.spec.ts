import type { CameraPort } from '../../src/node/services/capture-port';
import { expect, test } from './fixtures';
import { expectNoAxeViolations, openScan } from './support/scan-flow';

test('scan: with no camera the webcam view says so plainly, and the camera permission is given back', async ({
  app,
}) => {
  const calls: boolean[] = [];
  const camera: CameraPort = { setWanted: (active) => void calls.push(active) };
  await app.restart({ camera });
  const { page } = app;
  await openScan(page);
  await page.getByRole('button', { name: /^Use webcam/ }).click();
  const scanner = page.getByLabel('Webcam scanner');
  await expect(scanner.getByRole('status')).toContainText('The camera could not be opened');
  await expectNoAxeViolations(page, 'webcam unavailable');
  expect(calls).toEqual([true, false]);
  await scanner.getByRole('button', { name: 'Stop camera' }).click();
  await expect(scanner).toHaveCount(0);
  expect(calls.at(-1)).toBe(false);
  expect(app.services.accounts.list()).toHaveLength(0);
});
