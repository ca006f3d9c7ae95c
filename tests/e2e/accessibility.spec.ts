import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, TEST_PASSWORD } from './fixtures';
import { seedAccounts } from './support/seed';

/** axe-core's full rule set (every impact, not only serious and critical) on what is showing. */
async function expectNoViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  // Soft: one screen's findings must not hide the next screen's.
  expect.soft(summary, `axe violations on ${screen}`).toEqual([]);
}

/** The contrast of a control's edge against the page behind it (WCAG 1.4.11 asks for 3:1). */
async function borderContrast(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
      const lum = (c: number[]) => {
        const [r, g, b] = c.map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      let behind: Element | null = el.parentElement;
      let bg = 'rgba(0, 0, 0, 0)';
      while (behind && /rgba\(.*, 0\)|transparent/.test(bg)) {
        bg = getComputedStyle(behind).backgroundColor;
        behind = behind.parentElement;
      }
      const [a, b] = [lum(rgb(getComputedStyle(el).borderTopColor)), lum(rgb(bg))];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility (axe), ${colorScheme}`, () => {
    test.describe('before the vault opens', () => {
      test.use({ vaultSetup: 'absent' });

      test(`${colorScheme}: welcome (with an error), unlock`, async ({ app }) => {
        const { page } = app;
        await page.emulateMedia({ colorScheme });
        await expect(page.getByRole('heading', { name: 'Welcome to Latchkey' })).toBeVisible();
        await expectNoViolations(page, 'welcome');
        await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
        await page.getByLabel('Repeat the password').fill('something else');
        await page.getByRole('button', { name: 'Create vault' }).click();
        await expect(page.getByTestId('setup-error')).toBeVisible();
        await expectNoViolations(page, 'welcome with an error');
        expect(await borderContrast(page, 'input[type="password"]')).toBeGreaterThanOrEqual(3);

        await page.getByLabel('Repeat the password').fill(TEST_PASSWORD);
        await page.getByRole('button', { name: 'Create vault' }).click();
        await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
        await page.getByRole('button', { name: 'Lock', exact: true }).click();
        await expect(page.getByRole('heading', { name: 'Unlock Latchkey' })).toBeVisible();
        await page.getByLabel('Password', { exact: true }).fill('wrong password');
        await page.getByRole('button', { name: 'Unlock', exact: true }).click();
        await expect(page.getByRole('alert')).toBeVisible();
        await expectNoViolations(page, 'unlock with an error');
      });
    });

    test(`${colorScheme}: empty, codes, shortcuts, every way to add, settings, backup, editor`, async ({
      app,
    }) => {
      const { page } = app;
      await page.emulateMedia({ colorScheme });
      await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
      await expectNoViolations(page, 'empty state');

      await seedAccounts(app.services);
      await page.reload();
      await expect(page.getByTestId('account-row')).toHaveCount(5);
      await expectNoViolations(page, 'codes');

      await page
        .getByTestId('account-row')
        .first()
        .click({ position: { x: 4, y: 4 } });
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectNoViolations(page, 'shortcuts');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Add account' }).click();
      await expectNoViolations(page, 'add: scan');
      await page.getByRole('button', { name: 'Paste a link' }).click();
      await page.getByLabel('Authenticator link').fill('not a link');
      await page.getByRole('button', { name: 'Add account' }).last().click();
      await expect(page.getByTestId('uri-error')).toBeVisible();
      await expectNoViolations(page, 'add by link');
      expect(await borderContrast(page, 'textarea')).toBeGreaterThanOrEqual(3);

      await page.getByRole('button', { name: 'Enter a setup key' }).click();
      await page.getByText('Advanced').click();
      await page.getByRole('textbox', { name: 'Setup key', exact: true }).fill('not base32 !!');
      await page.getByRole('button', { name: 'Add account' }).last().click();
      await expect(page.getByTestId('field-error')).toBeVisible();
      await expectNoViolations(page, 'add by key');
      expect(await borderContrast(page, 'select')).toBeGreaterThanOrEqual(3);

      await page.getByRole('button', { name: 'Import a file' }).click();
      await expectNoViolations(page, 'add: import');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Settings' }).click();
      await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
      await expectNoViolations(page, 'settings');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Backup', exact: true }).click();
      const kit = page.getByRole('group', { name: 'Printable emergency kit (PDF)' });
      await kit.getByLabel('Your Latchkey password').fill('wrong password');
      await kit.getByRole('button', { name: 'Save emergency kit…' }).click();
      await expect(kit.getByRole('alert')).toBeVisible();
      await expectNoViolations(page, 'backup with an error');
      // Re-authenticated: the grant note replaces the password fields, the transfer codes show.
      const transfer = page.getByRole('group', { name: 'Move to a phone (Google Authenticator)' });
      await transfer.getByLabel('Your Latchkey password').fill(TEST_PASSWORD);
      await transfer.getByRole('button', { name: 'Show transfer codes' }).click();
      await expect(page.getByTestId('backup-grant')).toBeVisible();
      await expect(transfer.getByTestId('transfer-code')).toBeVisible();
      await expectNoViolations(page, 'backup with a re-auth grant and transfer codes');
      await page.keyboard.press('Escape');

      // The editor is part of the list (features/codes); its opener is named "Edit <issuer>".
      await page
        .getByRole('button', { name: /^Edit / })
        .first()
        .click();
      await expectNoViolations(page, 'account editor');
    });
  });
}

test('screenshot of the codes screen for the README', async ({ app }) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'dark' });
  await seedAccounts(app.services);
  await page.reload();
  await expect(page.getByTestId('account-row')).toHaveCount(5);
  await expect(page.getByTestId('code').first()).toHaveAttribute('data-code', /\d{6}/);
  await page.screenshot({ path: 'test-results/screenshots/codes.png' });
});
