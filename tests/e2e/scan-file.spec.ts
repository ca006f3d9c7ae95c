import { existsSync } from 'node:fs';
import { expect, test } from './fixtures';
import { qrPng } from './support/qr-images';
import {
  choosing,
  expectCodeFor,
  expectNoAxeViolations,
  openScan,
  pictureFolder,
  totpUri,
} from './support/scan-flow';

const SECRET = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';

test.describe('scan: a picture file chosen in the dialog', () => {
  test('the QR code in a PNG becomes an account with the right code; the picture can be deleted afterwards', async ({
    app,
  }) => {
    const folder = pictureFolder();
    const file = folder.write(
      'setup-qr.png',
      qrPng(totpUri('Picture Bank', 'pat@example.com', SECRET)),
    );
    const dialog = choosing(file);
    await app.restart({ imageFile: dialog });
    const { page } = app;

    await openScan(page);
    await expectNoAxeViolations(page, 'scan sources');
    await page.getByRole('button', { name: /^Open picture/ }).click();
    const item = page.getByTestId('found-item');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Picture Bank');
    await expect(item).toContainText('pat@example.com');
    await expect(item.getByRole('checkbox')).toBeChecked();
    await expect(page.getByTestId('duplicate')).toHaveCount(0);
    expect(dialog.asked).toBe(1);

    // The offer to delete the picture: a screenshot of a QR code is as sensitive as the key.
    await expect(
      page.getByText('A picture of a QR code is as sensitive as a password.'),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'scan results with delete offer');

    await page.getByRole('button', { name: 'Add 1 account' }).click();
    await expect(page.getByTestId('account-row')).toHaveCount(1);
    await expectCodeFor(page, 'Picture Bank', SECRET, 'pat@example.com');

    // Adding closed the scan screen; the offer follows the user into the confirmation.
    expect(existsSync(file)).toBe(true);
    await expect(page.getByTestId('toast')).toContainText('Added 1 account');
    await page.getByTestId('toast').getByRole('button', { name: 'Delete the picture' }).click();
    await expect(page.getByTestId('toast')).toContainText('Deleted setup-qr.png');
    expect(existsSync(file)).toBe(false);
    expect(app.services.accounts.list()).toHaveLength(1);
  });

  test('a text file named .png is refused with a clear message and nothing is added', async ({
    app,
  }) => {
    const folder = pictureFolder();
    const file = folder.write('not-really.png', `${totpUri('Fake', 'me', SECRET)}\n`);
    await app.restart({ imageFile: choosing(file) });
    const { page } = app;

    await openScan(page);
    await page.getByRole('button', { name: /^Open picture/ }).click();
    const notice = page.getByTestId('scan-notice');
    await expect(notice).toContainText(
      'not a picture Latchkey can read (PNG, JPEG, WebP, BMP or GIF)',
    );
    await expect(notice).toHaveClass(/field-error/);
    await expect(page.getByTestId('found-item')).toHaveCount(0);
    await expectNoAxeViolations(page, 'scan error');
    expect(app.services.accounts.list()).toHaveLength(0);
    // Nothing offered for deletion, and the file is left alone.
    await expect(page.getByRole('button', { name: 'Delete the picture' })).toHaveCount(0);
    expect(existsSync(file)).toBe(true);
  });
});
