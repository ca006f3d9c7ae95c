import type { Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { decodeBase32 } from '../../src/core/common/encoding/base32';
import { expect, test } from './fixtures';
import { Picture, qrPng } from './support/qr-images';
import {
  choosing,
  expectCodeFor,
  expectNoAxeViolations,
  openScan,
  pictureFolder,
  totpUri,
} from './support/scan-flow';

const PASTED = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';
const DROPPED = 'ONSWG4TFOQYTEMZUGU3DOOBZGAYTEMZU';

/** Builds, in the page, a DataTransfer holding the PNG as a File — what the OS hands Chromium. */
async function dataTransferWith(page: Page, png: Buffer, name: string) {
  return page.evaluateHandle(
    ({ bytes, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
      return transfer;
    },
    { bytes: [...png], name },
  );
}

test.describe('scan: pictures pasted and dropped', () => {
  test('Ctrl+V of a screenshot and a file dropped on the panel each add their account', async ({
    app,
  }) => {
    const { page } = app;
    await openScan(page);

    // Paste: the clipboard holds a picture (a screenshot tool's copy).
    const clip = await dataTransferWith(
      page,
      qrPng(totpUri('Pasted Co', 'ann@example.com', PASTED)),
      'image.png',
    );
    await page.evaluate((clipboardData) => {
      document.body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }),
      );
    }, clip);
    await expect(page.getByTestId('found-item')).toHaveCount(1);
    await expect(page.getByTestId('found-item')).toContainText('Pasted Co');
    await page.getByRole('button', { name: 'Add 1 account' }).click();
    await expect(page.getByTestId('account-row')).toHaveCount(1);
    await expectCodeFor(page, 'Pasted Co', PASTED);

    // Drop: a file dragged from the file manager onto the scan panel.
    await openScan(page);
    const zone = page.getByTestId('drop-zone');
    const drag = await dataTransferWith(
      page,
      qrPng(totpUri('Dropped Ltd', 'bob@example.com', DROPPED)),
      'qr.png',
    );
    await zone.dispatchEvent('dragenter', { dataTransfer: drag });
    await zone.dispatchEvent('dragover', { dataTransfer: drag });
    await expect(zone).toHaveClass(/dragging/);
    await zone.dispatchEvent('drop', { dataTransfer: drag });
    await expect(zone).not.toHaveClass(/dragging/);
    await expect(page.getByTestId('found-item')).toHaveCount(1);
    await expect(page.getByTestId('found-item')).toContainText('Dropped Ltd');
    await page.getByRole('button', { name: 'Add 1 account' }).click();
    await expect(page.getByTestId('account-row')).toHaveCount(2);
    await expectCodeFor(page, 'Dropped Ltd', DROPPED);
    await expectCodeFor(page, 'Pasted Co', PASTED);
  });

  test('one picture with two accounts (one already added) and two web links: the new one is added, the rest explained, no navigation', async ({
    app,
  }) => {
    const { page } = app;
    const known = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    const fresh = 'NBSWY3DPO5XXE3DEEBQWEY3EMVTGO2DJ';
    await app.services.accounts.add(
      {
        issuer: 'Known Corp',
        name: 'me@example.com',
        otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
        secret: decodeBase32(known)!,
      },
      Date.now(),
    );
    // A "recovery sheet" style picture: four codes side by side on a grey page.
    const sheet = new Picture(1400, 420, [200, 204, 210]);
    let x = 20;
    for (const text of [
      totpUri('Known Corp', 'me@example.com', known),
      'https://example.com/login',
      totpUri('Fresh Inc', 'new@example.com', fresh),
      'https://login.microsoftonline.com/common/activateAccount?code=123456789&url=https%3A%2F%2Fmobileappcommunicator.auth.microsoft.com',
    ]) {
      x += sheet.drawQr(text, x, 40, 5) + 30;
    }
    const folder = pictureFolder();
    const file = folder.write('sheet.png', sheet.png());
    await app.restart({ imageFile: choosing(file) });
    await expect(page.getByTestId('account-row')).toHaveCount(1);
    await openScan(page);
    const before = page.url();
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (!/^(data|blob):/.test(r.url()) && !r.url().startsWith(app.origin))
        elsewhere.push(r.url());
    });

    await page.getByRole('button', { name: /^Open picture/ }).click();
    const items = page.getByTestId('found-item');
    await expect(items).toHaveCount(2);
    const dup = items.filter({ hasText: 'Known Corp' });
    await expect(dup.getByTestId('duplicate')).toContainText('Already in Latchkey');
    await expect(dup.getByRole('checkbox')).not.toBeChecked();
    await expect(items.filter({ hasText: 'Fresh Inc' }).getByRole('checkbox')).toBeChecked();
    await expect(items.filter({ hasText: 'Fresh Inc' }).getByTestId('duplicate')).toHaveCount(0);

    const problems = page.getByTestId('scan-problem');
    await expect(problems).toHaveCount(2);
    await expect(
      problems.filter({ hasText: 'This is a web address, not an authenticator secret' }),
    ).toContainText('https://example.com/login');
    await expect(problems.filter({ hasText: 'Microsoft Authenticator sign-up link' })).toHaveCount(
      1,
    );
    // The links were read, not followed.
    expect(page.url()).toBe(before);
    expect(page.context().pages()).toHaveLength(1);
    await expectNoAxeViolations(page, 'scan results with duplicate and problems');

    // Keep the picture this time.
    await page.getByRole('button', { name: 'Keep it' }).click();
    await page.getByRole('button', { name: 'Add 1 account' }).click();
    await expect(page.getByTestId('account-row')).toHaveCount(2);
    await expectCodeFor(page, 'Fresh Inc', fresh);
    await expectCodeFor(page, 'Known Corp', known);
    expect(
      app.services.accounts
        .list()
        .map((a) => a.issuer)
        .sort(),
    ).toEqual(['Fresh Inc', 'Known Corp']);
    expect(existsSync(file)).toBe(true);
    expect(page.url()).toBe(before);
    expect(elsewhere, 'requests outside the app').toEqual([]);
  });
});
