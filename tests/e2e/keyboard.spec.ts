import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test, TEST_PASSWORD } from './fixtures';
import { ScriptedDialogs } from './support/dialogs';
import { seedAccounts } from './support/seed';

/** The element that has focus, as a locator-free description for messages. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName} ${el.textContent?.trim().slice(0, 40) ?? ''}` : 'nothing';
  });

async function seeded(app: { services: Parameters<typeof seedAccounts>[0]; page: Page }) {
  await seedAccounts(app.services);
  await app.page.reload();
  await expect(app.page.getByTestId('account-row')).toHaveCount(5);
}

/** Opens a screen from `opener` by keyboard, checks its heading has focus, closes it with Escape. */
async function escapeReturns(page: Page, opener: Locator, heading: string) {
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: heading })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: heading })).toHaveCount(0);
  await expect(opener, `focus after closing ${heading}: ${await focused(page)}`).toBeFocused();
}

test.describe('keyboard: every screen closes with Escape, and focus goes back', () => {
  test('add account, settings and backup open on their heading and return to their button', async ({
    app,
  }) => {
    const { page } = app;
    await seeded(app);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await escapeReturns(page, nav.getByRole('button', { name: 'Add account' }), 'Add account');
    await escapeReturns(page, nav.getByRole('button', { name: 'Settings' }), 'Settings');
    await escapeReturns(page, nav.getByRole('button', { name: 'Backup' }), 'Backup and import');
  });

  test('first run: the empty state offers add and import; Escape returns to the one used', async ({
    app,
  }) => {
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
    const importer = page.getByRole('button', { name: 'Import from another app' });
    await importer.click();
    await expect(page.getByRole('heading', { name: 'Add account' })).toBeFocused();
    await expect(page.getByRole('button', { name: 'Import a file' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.getByRole('button', { name: 'Choose a backup file…' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(importer).toBeFocused();
  });

  test('? shows the shortcuts in a dialog that keeps focus inside until Escape', async ({
    app,
  }) => {
    const { page } = app;
    await seeded(app);
    const settings = page.getByRole('button', { name: 'Settings' });
    await settings.focus();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet).toBeVisible();
    await expect(sheet.getByTestId('shortcuts')).toContainText('Search accounts');
    await expect(sheet.getByTestId('shortcuts')).toContainText('Show these shortcuts');
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab');
      expect(
        await sheet.evaluate((d) => d.contains(document.activeElement)),
        await focused(page),
      ).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(sheet).toHaveCount(0);
    await expect(settings).toBeFocused();
    // Typed into a field, ? is just a character.
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('button', { name: 'Paste a link' }).click();
    await page.getByLabel('Authenticator link').press('?');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByLabel('Authenticator link')).toHaveValue('?');
  });
});

test.describe('keyboard: Enter submits', () => {
  test('the link box (one line: Enter adds the account)', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('button', { name: 'Paste a link' }).click();
    const box = page.getByLabel('Authenticator link');
    await expect(box).toBeFocused();
    await box.fill('otpauth://totp/Example:me?secret=JBSWY3DPEHPK3PXP&issuer=Example');
    await box.press('Enter');
    await expect(page.getByTestId('account-row').filter({ hasText: 'Example' })).toBeVisible();
    expect(app.services.accounts.list().map((a) => a.issuer)).toEqual(['Example']);
  });

  test('the setup-key form', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('button', { name: 'Enter a setup key' }).click();
    await page.getByLabel('Service (issuer)').fill('Typed');
    await page.getByRole('textbox', { name: 'Setup key', exact: true }).fill('JBSWY3DPEHPK3PXP');
    await page.getByRole('textbox', { name: 'Setup key', exact: true }).press('Enter');
    await expect(page.getByTestId('account-row').filter({ hasText: 'Typed' })).toBeVisible();
  });
});

test.describe('flows', () => {
  let dir: string;
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'latchkey-keyboard-e2e-'));
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('the Backup screen asks for the password once per visit, and again after leaving', async ({
    app,
  }) => {
    const dialogs = new ScriptedDialogs();
    await app.restart({ dialogs } as never);
    const { page } = app;
    await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
    await seeded(app);
    await page.getByRole('button', { name: 'Backup', exact: true }).click();

    dialogs.save = join(dir, 'aegis.json');
    const aegis = page.getByRole('group', { name: 'Encrypted backup file (Aegis format)' });
    await aegis.getByLabel('Backup password', { exact: true }).fill('backup password 1');
    await aegis.getByLabel('Repeat the backup password').fill('backup password 1');
    await aegis.getByLabel('Your Latchkey password').fill(TEST_PASSWORD);
    await aegis.getByRole('button', { name: 'Save encrypted backup…' }).click();
    await expect(page.getByTestId('toast')).toContainText('Encrypted backup saved');
    await expect(page.getByTestId('backup-grant')).toBeVisible();

    // The second export on the same visit: no password field, and it works.
    dialogs.save = join(dir, 'links.txt');
    const links = page.getByRole('group', { name: 'Plain list of links (not encrypted)' });
    await links.getByLabel('I understand the file is not protected').check();
    await expect(page.getByLabel('Your Latchkey password')).toHaveCount(0);
    await links.getByRole('button', { name: 'Save links…' }).click();
    await expect(page.getByTestId('toast')).toContainText('Links saved');
    expect(readFileSync(dialogs.save, 'utf8')).toContain('otpauth://');

    // Leaving drops the grant: the next visit asks again.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Backup', exact: true }).click();
    await expect(page.getByTestId('backup-grant')).toHaveCount(0);
    await expect(
      page
        .getByRole('group', { name: 'Encrypted backup file (Aegis format)' })
        .getByLabel('Your Latchkey password'),
    ).toBeVisible();
  });

  test('every screen fits the 360 px minimum window without sideways scrolling', async ({
    app,
  }) => {
    const { page } = app;
    await page.setViewportSize({ width: 360, height: 640 });
    await seeded(app);
    // The content scrolls inside <main>, so its own overflow is what would show up.
    const overflow = () =>
      page.evaluate(() => {
        const main = document.querySelector('main')!;
        return {
          main: main.scrollWidth - main.clientWidth,
          page: document.documentElement.scrollWidth - 360,
        };
      });
    const screens: [string, () => Promise<void>][] = [
      ['add: scan', () => page.getByRole('button', { name: 'Add account' }).click()],
      ['add: link', () => page.getByRole('button', { name: 'Paste a link' }).click()],
      ['add: key', () => page.getByRole('button', { name: 'Enter a setup key' }).click()],
      ['add: import', () => page.getByRole('button', { name: 'Import a file' }).click()],
      [
        'settings',
        async () => {
          await page.keyboard.press('Escape');
          await page.getByRole('button', { name: 'Settings' }).click();
        },
      ],
      [
        'backup',
        async () => {
          await page.keyboard.press('Escape');
          await page.getByRole('button', { name: 'Backup', exact: true }).click();
        },
      ],
    ];
    for (const [name, open] of screens) {
      await open();
      expect(await overflow(), name).toEqual({ main: 0, page: 0 });
    }
  });

  test('a message never covers the page: it takes its own row under the content', async ({
    app,
  }) => {
    const { page } = app;
    await page.setViewportSize({ width: 360, height: 640 });
    await seeded(app);
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('button', { name: 'Paste a link' }).click();
    await page
      .getByLabel('Authenticator link')
      .fill('otpauth://totp/Toasty:me?secret=JBSWY3DPEHPK3PXP&issuer=Toasty');
    await page.getByLabel('Authenticator link').press('Enter');
    const toast = page.getByTestId('toast');
    await expect(toast).toBeVisible();
    const [t, m] = [await toast.boundingBox(), await page.locator('main').boundingBox()];
    expect(t!.y, 'the message starts below the scrolling content').toBeGreaterThanOrEqual(
      m!.y + m!.height,
    );
    // Every button still on screen is the topmost element at its centre.
    const covered = await page.evaluate(
      () =>
        [...document.querySelectorAll('main button')].filter((b) => {
          const r = b.getBoundingClientRect();
          const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
          if (r.width === 0 || y < 0 || y > innerHeight) return false;
          const main = document.querySelector('main')!.getBoundingClientRect();
          if (y < main.top || y > main.bottom) return false;
          const top = document.elementFromPoint(x, y);
          return !(top && (top === b || b.contains(top)));
        }).length,
    );
    expect(covered).toBe(0);
  });
});
