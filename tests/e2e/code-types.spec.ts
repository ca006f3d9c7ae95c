import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectCodeMatchesAt, oathHotp, oathTotp } from './support/oathtool';
import { steamCode } from './support/steam-oracle';

async function addByKey(
  page: Page,
  fields: { issuer: string; name: string; secret: string },
  advanced: (page: Page) => Promise<void>,
) {
  await page.getByRole('button', { name: 'Add account' }).first().click();
  await page.getByRole('button', { name: 'Enter a setup key' }).click();
  await page.getByLabel('Service (issuer)').fill(fields.issuer);
  await page.getByLabel('Account', { exact: true }).fill(fields.name);
  await page.getByRole('textbox', { name: 'Setup key', exact: true }).fill(fields.secret);
  await page.getByText('Advanced').click();
  await advanced(page);
  await page.getByRole('button', { name: 'Add account' }).last().click();
}

const rowFor = (page: Page, issuer: string) =>
  page.getByTestId('account-row').filter({ hasText: issuer });

test.describe('every kind of account through the UI, checked against independent oracles', () => {
  test('TOTP with SHA-256, 8 digits and a 60-second period', async ({ app }) => {
    const { page } = app;
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA';
    await addByKey(
      page,
      { issuer: 'Bank', name: 'alice', secret: secret.toLowerCase().replace(/(.{4})/g, '$1 ') },
      async (p) => {
        await p.getByLabel('Algorithm').selectOption('SHA256');
        await p.getByLabel('Digits').fill('8');
        await p.getByLabel('Period (seconds)').fill('60');
      },
    );
    const code = rowFor(page, 'Bank').getByTestId('code');
    await expect(code).toHaveText(/^\d{4} \d{4}$/);
    const { code: shown, expected } = await expectCodeMatchesAt(
      async () => (await code.textContent()) ?? '',
      (t) => oathTotp(secret, t, { algorithm: 'SHA256', digits: 8, period: 60 }),
    );
    expect(expected).toContain(shown);
    // A 60-second ring: never more than 60 seconds left.
    const left = Number(await rowFor(page, 'Bank').getByTestId('seconds-left').textContent());
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(60);
  });

  test('HOTP shows the code for its counter and advances only when asked', async ({ app }) => {
    const { page } = app;
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await addByKey(page, { issuer: 'VPN', name: 'bob', secret }, async (p) => {
      await p.getByLabel('Type').selectOption('hotp');
      await p.getByLabel('Counter').fill('5');
    });
    const row = rowFor(page, 'VPN');
    const code = row.getByTestId('code');
    await expect(code).toHaveAttribute('data-code', oathHotp(secret, 5));
    await page.waitForTimeout(1200);
    await expect(code).toHaveAttribute('data-code', oathHotp(secret, 5));
    await row.getByRole('button', { name: 'Next code' }).click();
    await expect(code).toHaveAttribute('data-code', oathHotp(secret, 6));
    // The new counter was saved in main before the code was shown.
    const stored = app.services.accounts.list().find((a) => a.issuer === 'VPN')!;
    expect(stored.otp).toMatchObject({ type: 'hotp', counter: 6 });
    await page.reload();
    await expect(rowFor(page, 'VPN').getByTestId('code')).toHaveAttribute(
      'data-code',
      oathHotp(secret, 6),
    );
  });

  test('Steam Guard shows five characters from Steam’s alphabet', async ({ app }) => {
    const { page } = app;
    const secret = 'ONSWG4TFORSWG4TFORSWG4TFOQ';
    await addByKey(page, { issuer: 'Steam', name: 'gamer', secret }, async (p) => {
      await p.getByLabel('Type').selectOption('steam');
    });
    const code = rowFor(page, 'Steam').getByTestId('code');
    await expect(code).toHaveText(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
    const { code: shown, expected } = await expectCodeMatchesAt(
      async () => (await code.textContent()) ?? '',
      (t) => steamCode(Buffer.from(decodeRfc4648(secret)), t),
    );
    expect(expected).toContain(shown);
  });

  test('a bad field gets its message next to it and nothing is added', async ({ app }) => {
    const { page } = app;
    await addByKey(page, { issuer: 'X', name: 'y', secret: 'JBSWY3DPEHPK3PXP' }, async (p) => {
      await p.getByLabel('Digits').fill('12');
    });
    const digitsField = page.locator('.field').filter({ has: page.getByLabel('Digits') });
    await expect(digitsField.getByTestId('field-error')).toContainText(/digits/i);
    await expect(page.getByLabel('Digits')).toHaveAttribute('aria-invalid', 'true');
    expect(app.services.accounts.list()).toHaveLength(0);

    await page.getByLabel('Digits').fill('6');
    await page.getByRole('textbox', { name: 'Setup key', exact: true }).fill('JBSWY3DP!!');
    await page.getByRole('button', { name: 'Add account' }).last().click();
    const secretField = page
      .locator('.field')
      .filter({ has: page.getByRole('textbox', { name: 'Setup key', exact: true }) });
    await expect(secretField.getByTestId('field-error')).toContainText(/base32/i);
    expect(app.services.accounts.list()).toHaveLength(0);
  });
});

/** Test-side base32 decoder (RFC 4648 §6), independent of src/core/common/encoding. */
function decodeRfc4648(text: string): number[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of text.replace(/=+$/, ''))
    bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const out: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) out.push(parseInt(bits.slice(i, i + 8), 2));
  return out;
}
