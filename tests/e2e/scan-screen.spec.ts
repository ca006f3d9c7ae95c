import { chromium, type Browser, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { chromiumLaunchOptions } from './harness/chromium';
import { expect, test } from './fixtures';
import { qrPng, readPng, type Rgb } from './support/qr-images';
import { expectCodeFor, expectNoAxeViolations, openScan, totpUri } from './support/scan-flow';
import { xMultiMonitorCapture, xScreenCapture } from './support/screen-grab';

const SETUP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const LEFT_SECRET = 'IFBEGRCFIZDUQSKKJNGE2TSPKBIVEU2U';
const RIGHT_SECRET = 'KVLFOWCZLIYTENBVGY3TQOJQGEZDGNBV';

/**
 * A second, real (headful) Chromium on the test's Xvfb display, showing a site's "set up your
 * authenticator" page: the QR codes sit on a dark, striped page at some offset, with text around.
 */
async function showSetupPage(
  display: string,
  codes: readonly { text: string; left: number; top: number; dark?: Rgb }[],
): Promise<{ browser: Browser; page: Page }> {
  const base = chromiumLaunchOptions(['--window-position=0,0', '--window-size=1920,1080']);
  const browser = await chromium.launch({
    ...base,
    headless: false,
    env: { ...process.env, DISPLAY: display },
  });
  const page = await browser.newPage({ viewport: null });
  const images = codes
    .map(
      ({ text, left, top, dark }) =>
        `<img alt="QR code" src="data:image/png;base64,${qrPng(text, 5, dark).toString('base64')}" style="position:absolute;left:${left}px;top:${top}px">`,
    )
    .join('');
  await page.setContent(`<!doctype html><html><body style="margin:0;height:100vh;color:#eee;font:16px sans-serif;
      background:repeating-linear-gradient(45deg,#1b2330 0 14px,#2c3a4f 14px 28px)">
      <h1 style="margin:24px 40px">Turn on two-step verification</h1>
      <p style="margin:0 40px">Scan this code with your authenticator app, then enter the 6-digit code.</p>
      ${images}</body></html>`);
  await page.waitForFunction(() =>
    [...document.images].every((i) => i.complete && i.naturalWidth > 0),
  );
  // Let the compositor put the frame on the X screen before it is grabbed.
  await page.waitForTimeout(300);
  return { browser, page };
}

/**
 * Counts the clearly red and the clearly blue pixels of a PNG data URL. The code's modules are
 * dark red; had blue and red been swapped on the way, they would be dark blue.
 */
function redAndBlue(dataUrl: string): { red: number; blue: number } {
  const { data } = readPng(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  let red = 0;
  let blue = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (r > 110 && g < 70 && b < 70) red++;
    if (b > 110 && g < 70 && r < 70) blue++;
  }
  return { red, blue };
}

test.describe('scan: the real screen (Xvfb + a real Chromium window + a real screen grabber)', () => {
  test('"Scan screen" finds the QR code shown in another window and adds the account', async ({
    app,
  }) => {
    const shown = await showSetupPage(app.display, [
      { text: totpUri('Screen Site', 'sam@example.com', SETUP_SECRET), left: 730, top: 310 },
    ]);
    try {
      const capture = xScreenCapture(app.display);
      await app.restart({ capture });
      const { page } = app;
      await openScan(page);
      await page.getByRole('button', { name: /^Scan screen/ }).click();
      const item = page.getByTestId('found-item');
      await expect(item).toHaveCount(1);
      await expect(item).toContainText('Screen Site');
      await expect(item.locator('img')).toHaveCount(1);
      expect(capture.grabs).toBe(1);
      await expectNoAxeViolations(page, 'screen scan result');
      await page.getByRole('button', { name: 'Add 1 account' }).click();
      await expect(page.getByTestId('account-row')).toHaveCount(1);
      await expectCodeFor(page, 'Screen Site', SETUP_SECRET, 'sam@example.com');
    } finally {
      await shown.browser.close();
    }
  });

  test('three displays of different sizes and pixel formats: one click finds the codes on the 2nd and 3rd', async ({
    app,
  }) => {
    const shown = await showSetupPage(app.display, [
      // Dark red modules: after the BGRA monitor is turned into RGBA, the code's thumbnail must still be red.
      {
        text: totpUri('Left Screen', 'lee@example.com', LEFT_SECRET),
        left: 120,
        top: 420,
        dark: [150, 20, 20],
      },
      { text: totpUri('Right Screen', 'ray@example.com', RIGHT_SECRET), left: 1300, top: 380 },
    ]);
    try {
      // One real grab, cut into three "monitors": a small one with only the page title, a
      // BGRA one (desktopCapturer's format) holding the left code, and a PNG one that runs past
      // the right edge of the screen (padded) holding the right code.
      const capture = xMultiMonitorCapture(app.display, [
        { x: 0, y: 0, width: 800, height: 300, encoding: 'rgba' },
        { x: 0, y: 300, width: 1024, height: 768, encoding: 'bgra' },
        { x: 1100, y: 200, width: 1280, height: 880, encoding: 'png', pad: [0, 0, 0] },
      ]);
      await app.restart({ capture });
      const { page } = app;
      await openScan(page);
      await page.getByRole('button', { name: /^Scan screen/ }).click();
      await expect(page.getByTestId('found-item')).toHaveCount(2);
      expect(capture.grabs).toBe(1);
      await expect(page.getByTestId('found-item').nth(0)).toContainText('Left Screen');
      await expect(page.getByTestId('found-item').nth(1)).toContainText('Right Screen');
      const thumb = await page.getByTestId('found-item').nth(0).locator('img').getAttribute('src');
      writeFileSync(
        test.info().outputPath('left-thumbnail.png'),
        Buffer.from(thumb!.split(',')[1]!, 'base64'),
      );
      const colours = redAndBlue(thumb!);
      expect(colours.red, 'the BGRA monitor kept its colours').toBeGreaterThan(100);
      expect(colours.blue, 'red and blue not swapped').toBe(0);
      await expectNoAxeViolations(page, 'three-screen scan result');
      await page.getByRole('button', { name: 'Add 2 accounts' }).click();
      await expect(page.getByTestId('account-row')).toHaveCount(2);
      await expectCodeFor(page, 'Left Screen', LEFT_SECRET);
      await expectCodeFor(page, 'Right Screen', RIGHT_SECRET);
    } finally {
      await shown.browser.close();
    }
  });

  test('a screen without a QR code says so, and nothing is added', async ({ app }) => {
    const shown = await showSetupPage(app.display, []);
    try {
      await app.restart({ capture: xScreenCapture(app.display) });
      const { page } = app;
      await openScan(page);
      // This time with the keyboard shortcut.
      await page.keyboard.press('Control+Shift+S');
      await expect(page.getByTestId('scan-notice')).toContainText(
        'No QR code found in your screen',
      );
      await expect(page.getByTestId('found-item')).toHaveCount(0);
      await expectNoAxeViolations(page, 'screen scan found nothing');
    } finally {
      await shown.browser.close();
    }
  });
});
