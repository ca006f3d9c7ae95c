import { decodeBase32, encodeBase32 } from '../../src/core/common/encoding/base32';
import { expect, test } from './fixtures';
import { expectCodeMatchesAt, oathTotp } from './support/oathtool';

const COUNT = 1000;
const secretOf = (i: number) =>
  Uint8Array.from({ length: 20 }, (_, b) => (i * 7 + b * 13 + 1) & 0xff);

test('a thousand accounts: rows render only near the screen, and every one still shows its code', async ({
  app,
}) => {
  const { page } = app;
  await app.services.accounts.addMany(
    Array.from({ length: COUNT }, (_, i) => ({
      issuer: `Service ${String(i).padStart(4, '0')}`,
      name: `user${i}@example.com`,
      otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 } as const,
      secret: secretOf(i),
    })),
    Date.now(),
  );
  await page.reload();
  const live = page.getByTestId('account-row');
  await expect(live.first().getByTestId('code')).toHaveAttribute('data-code', /^\d{6}$/);
  // The first screenful is drawn before the rest of the list, which then fills in frame by frame.
  const rowCount = () =>
    page.evaluate(
      () => document.querySelectorAll('[data-testid="account-row"], .code-row-placeholder').length,
    );
  await expect.poll(rowCount).toBe(COUNT);
  // Every account has a row, but only those near the screen are live.
  const rows = await page.evaluate(() => ({
    live: document.querySelectorAll('[data-testid="account-row"]').length,
    placeholders: document.querySelectorAll('.code-row-placeholder').length,
  }));
  expect(rows.live).toBeGreaterThan(3);
  expect(rows.live).toBeLessThan(60);
  expect(rows.live + rows.placeholders).toBe(COUNT);

  // Placeholders are as tall as live rows: the scrollbar does not lie and nothing jumps.
  const heights = await page.evaluate(() => ({
    live: document.querySelector('[data-testid="account-row"]')!.getBoundingClientRect().height,
    placeholder: document.querySelector('.code-row-placeholder')!.getBoundingClientRect().height,
  }));
  expect(Math.abs(heights.live - heights.placeholder), JSON.stringify(heights)).toBeLessThanOrEqual(
    1,
  );

  // The last account, far down the list, renders when scrolled to and shows the right code.
  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    main.scrollTo(0, main.scrollHeight);
  });
  const last = live.filter({ hasText: `Service ${String(COUNT - 1).padStart(4, '0')}` });
  await expect(last.getByTestId('code')).toHaveAttribute('data-code', /^\d{6}$/);
  const secret = encodeBase32(secretOf(COUNT - 1));
  expect(decodeBase32(secret)).toEqual(secretOf(COUNT - 1));
  const { code, expected } = await expectCodeMatchesAt(
    async () => (await last.getByTestId('code').getAttribute('data-code')) ?? '',
    (t) => oathTotp(secret, t),
  );
  expect(expected).toContain(code);
  expect(await live.count()).toBeLessThan(60);
});
