import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seedAccounts } from './support/seed';

async function expectNoViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

test.describe('accessibility (axe) on every screen, light and dark', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${colorScheme}: empty, codes, add by link, add by key with errors`, async ({ app }) => {
      const { page } = app;
      await page.emulateMedia({ colorScheme });
      await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
      await expectNoViolations(page, 'empty state');

      await seedAccounts(app.services);
      await page.reload();
      await expect(page.getByTestId('account-row')).toHaveCount(5);
      await expectNoViolations(page, 'codes');

      await page.getByRole('button', { name: 'Add account' }).click();
      await page.getByRole('button', { name: 'Paste a link' }).click();
      await page.getByLabel('Authenticator link').fill('not a link');
      await page.getByRole('button', { name: 'Add account' }).last().click();
      await expect(page.getByTestId('uri-error')).toBeVisible();
      await expectNoViolations(page, 'add by link');

      await page.getByRole('button', { name: 'Enter a setup key' }).click();
      await page.getByText('Advanced').click();
      await page.getByRole('textbox', { name: 'Setup key', exact: true }).fill('not base32 !!');
      await page.getByRole('button', { name: 'Add account' }).last().click();
      await expect(page.getByTestId('field-error')).toBeVisible();
      await expectNoViolations(page, 'add by key');
    });
  }
});

test('screenshot of the codes screen for the README', async ({ app }) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'dark' });
  await seedAccounts(app.services);
  await page.reload();
  await expect(page.getByTestId('account-row')).toHaveCount(5);
  await expect(page.getByTestId('code').first()).toHaveAttribute('data-code', /\d{6}/);
  await page.screenshot({ path: 'test-results/screenshots/codes.png' });
});
