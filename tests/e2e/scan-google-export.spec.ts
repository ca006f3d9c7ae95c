import { expect, test } from './fixtures';
import { threePartExport } from './support/google-export';
import { qrPng } from './support/qr-images';
import {
  choosing,
  expectCodeFor,
  expectNoAxeViolations,
  openScan,
  pictureFolder,
} from './support/scan-flow';

const { parts, accounts: expected } = threePartExport();

test('scan: a Google Authenticator export in three QR codes, read out of order, adds every account', async ({
  app,
}) => {
  expect(expected).toHaveLength(22);
  const folder = pictureFolder();
  const [first, second, third] = parts.map((p, i) =>
    folder.write(`export-${i + 1}.png`, qrPng(p, 4)),
  );
  await app.restart({ imageFile: choosing(first!, third!, second!) });
  const { page } = app;
  await openScan(page);
  const open = page.getByRole('button', { name: /^Open picture/ });

  await open.click();
  await expect(page.getByTestId('found-item')).toHaveCount(10);
  await expect(page.getByTestId('batch-missing')).toContainText('scanned part 1 of 3');
  await expect(page.getByTestId('batch-missing')).toContainText('Still missing: part 2, 3');

  await open.click();
  await expect(page.getByTestId('found-item')).toHaveCount(12);
  await expect(page.getByTestId('batch-missing')).toContainText('scanned part 1, 3 of 3');
  await expect(page.getByTestId('batch-missing')).toContainText('Still missing: part 2.');
  await expect(page.getByTestId('batch-complete')).toHaveCount(0);
  await expectNoAxeViolations(page, 'export with a part missing');

  // The last part with the keyboard shortcut for "Open picture…".
  await page.keyboard.press('Control+O');
  await expect(page.getByTestId('found-item')).toHaveCount(22);
  await expect(page.getByTestId('batch-missing')).toHaveCount(0);
  await expect(page.getByTestId('batch-complete')).toContainText('All 3 parts');
  for (const { issuer, name } of expected) {
    await expect(
      page.getByTestId('found-item').filter({ hasText: `${issuer} ${name} ·` }),
    ).toHaveCount(1);
  }

  await page.getByRole('button', { name: 'Add 22 accounts' }).click();
  // Every account has a row; those far from the screen are placeholders until scrolled to.
  await expect(page.locator('[data-account-id]')).toHaveCount(22);
  expect(app.services.accounts.list()).toHaveLength(22);
  // One from each part, and the last one of all.
  for (const i of [0, 9, 10, 15, 20, 21]) {
    const { issuer, name, secret } = expected[i]!;
    await expectCodeFor(page, issuer, secret, name);
  }
});
