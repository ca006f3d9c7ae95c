import { encodeBase32 } from '../../src/core/common/encoding/base32';
import { expect, test } from './fixtures';

/** Every way a secret could sit in memory or a log as text. */
function spellings(secret: Uint8Array): string[] {
  const b32 = encodeBase32(secret);
  return [
    b32,
    b32.toLowerCase(),
    Buffer.from(secret).toString('hex'),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('latin1'),
  ];
}

test('the page’s memory and console never hold a secret, in any spelling', async ({ app }) => {
  const { page } = app;
  const secrets = [0, 1, 2].map((i) =>
    Uint8Array.from({ length: 20 }, (_, b) => (i * 89 + b * 37 + 13) & 0xff),
  );
  for (const [i, secret] of secrets.entries()) {
    await app.services.accounts.add(
      {
        issuer: `Service ${i}`,
        name: 'me',
        otp:
          i === 2
            ? { type: 'hotp', algorithm: 'SHA1', digits: 6, counter: 0 }
            : { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
        secret,
      },
      Date.now(),
    );
  }
  const consoleText: string[] = [];
  page.on('console', (m) => consoleText.push(m.text()));
  // A fresh page, as after a restart: everything it knows came over the bridge.
  await page.reload();
  await expect(page.getByTestId('account-row')).toHaveCount(3);
  await page.getByTestId('code').first().click();
  await page.getByRole('button', { name: 'Next code' }).click();
  await page.getByRole('button', { name: 'Edit Service 0' }).click();
  // The editor is a modal dialog: the page behind it is inert until it is closed.
  const editor = page.getByRole('dialog', { name: 'Edit Service 0' });
  await expect(editor).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Done' }).click();

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const heap = chunks.join('');
  expect(heap.length).toBeGreaterThan(100_000);
  // The snapshot does contain the page's own strings (sanity check that the search can succeed).
  expect(heap).toContain('Service 1');

  for (const secret of secrets) {
    for (const spelling of spellings(secret)) {
      expect(
        heap.includes(JSON.stringify(spelling).slice(1, -1)),
        `heap contains a secret spelled ${spelling.slice(0, 4)}…`,
      ).toBe(false);
      expect(consoleText.join('\n')).not.toContain(spelling);
      expect(await page.content()).not.toContain(spelling);
    }
  }
});
