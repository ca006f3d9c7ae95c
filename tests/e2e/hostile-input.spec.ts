import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchLink, declaredPng } from '../support/hostile';
import { seeded } from '../support/seeded';
import { expect, test } from './fixtures';
import { ScriptedDialogs } from './support/dialogs';
import { qrPng } from './support/qr-images';
import { choosing, openScan, pictureFolder } from './support/scan-flow';

/**
 * Issue 10 findings 1, 4 and 8 through the real page and main-side services: a QR code of a
 * Google export link declaring 2^31−1 parts, a picture declaring 30,000 × 30,000 pixels, and
 * an import long enough to need a progress bar and a Cancel.
 */

test.describe('hostile input through the app', () => {
  test('a QR code of an export link declaring 2^31−1 parts is refused with the specific reason', async ({
    app,
  }) => {
    const file = pictureFolder().write('hostile-export.png', qrPng(batchLink()));
    await app.restart({ imageFile: choosing(file) });
    const { page } = app;
    await openScan(page);
    await page.getByRole('button', { name: /^Open picture/ }).click();
    await expect(page.getByTestId('scan-problem')).toContainText(
      'part 1 of 2147483647 QR codes; a real export has 1 to 100 parts',
    );
    await expect(page.getByTestId('found-item')).toHaveCount(0);
    expect(app.services.accounts.list()).toHaveLength(0);
  });

  test('a picture declaring 30,000 × 30,000 pixels is refused from its header, naming the limit', async ({
    app,
  }) => {
    const file = pictureFolder().write('huge.png', declaredPng(30_000, 30_000));
    await app.restart({ imageFile: choosing(file) });
    const { page } = app;
    await openScan(page);
    await page.getByRole('button', { name: /^Open picture/ }).click();
    await expect(page.getByTestId('scan-notice')).toContainText(
      '30000 × 30000 pixels (900 megapixels); the limit is 50 megapixels',
    );
  });

  test('a 90,000-link import shows its progress and can be cancelled; nothing is added', async ({
    app,
  }) => {
    const random = seeded(16);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    const lines = Array.from({ length: 90_000 }, (_, i) => {
      let secret = '';
      for (let c = 0; c < 32; c++) secret += alphabet[Math.floor(random() * 32)];
      return `otpauth://totp/Bulk${i}:u${i}?secret=${secret}&issuer=Bulk${i}`;
    });
    const dir = mkdtempSync(join(tmpdir(), 'latchkey-bulk-'));
    const dialogs = new ScriptedDialogs();
    dialogs.open = join(dir, 'links.txt');
    writeFileSync(dialogs.open, lines.join('\n'));
    await app.restart({ dialogs } as never);
    const { page } = app;
    await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Backup', exact: true }).click();
    await page.getByRole('button', { name: 'Choose a backup file…' }).click();
    const progress = page.getByTestId('import-progress');
    await expect(progress).toContainText(/of 90,000 entries/);
    await progress.getByRole('button', { name: 'Cancel import' }).click();
    const importer = page.getByRole('group', { name: 'Import from another app' });
    await expect(importer.getByTestId('import-error')).toContainText('The import was cancelled');
    await expect(page.getByTestId('found-item')).toHaveCount(0);
    expect(app.services.staging.list()).toHaveLength(0);
    expect(app.services.accounts.list()).toHaveLength(0);
  });
});
