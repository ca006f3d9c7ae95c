import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from '@playwright/test';
import { encodeBase32 } from '../../src/core/common/encoding/base32';
import type { AccountDraft } from '../../src/core/common/model';
import type { OtpParams } from '../../src/shared/account';
import { expect, test, TEST_PASSWORD, type LatchkeyApp } from './fixtures';
import { codesDuring, oathTotp } from './support/oathtool';
import { choosing } from './support/scan-flow';

// The daily screen of issue 12: search, favourites, sort orders, groups, a new account in view,
// narrow windows and what a screen reader hears — through the real services and the X clipboard.

const totp: OtpParams = { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 };
const secretOf = (i: number) =>
  Uint8Array.from({ length: 20 }, (_, b) => (i * 11 + b * 7 + 3) & 0xff);
const draft = (issuer: string, i: number, otp: OtpParams = totp): AccountDraft => ({
  issuer,
  name: `user${i}@example.com`,
  otp,
  secret: secretOf(i),
});

async function seed(app: LatchkeyApp, drafts: AccountDraft[]) {
  const added = await app.services.accounts.addMany(drafts, Date.now());
  await app.page.reload();
  await expect(app.page.getByTestId('account-row').first().getByTestId('code')).toHaveAttribute(
    'data-code',
    /./,
  );
  return added;
}

const issuers = (page: Page) =>
  page.getByTestId('account-row').getByTestId('issuer').allTextContents();

test('300 accounts: Ctrl+F, "git", Enter puts GitHub’s code on the X clipboard, equal to oathtool', async ({
  app,
}) => {
  const { page } = app;
  const drafts = Array.from({ length: 300 }, (_, i) =>
    draft(`Service ${String(i).padStart(3, '0')}`, i),
  );
  // Decoys: "git" inside a word (a weaker match) and a later prefix match.
  drafts[40] = draft('Digital Ocean', 40);
  drafts[250] = draft('GitHub', 250);
  await seed(app, drafts);

  await page.getByTestId('account-row').first().getByTestId('code').focus();
  await page.keyboard.press('Control+f');
  const search = page.getByRole('searchbox', { name: 'Search accounts' });
  await expect(search).toBeFocused();
  await page.keyboard.type('git');
  await expect(page.getByTestId('account-row').first().getByTestId('issuer')).toHaveText('GitHub');
  const before = Date.now() / 1000;
  await page.keyboard.press('Enter');
  // The toast says main copied it; then the X clipboard (another process owns it) has it.
  await expect(page.getByTestId('toast')).toContainText('GitHub code copied');
  await expect
    .poll(() => app.readClipboard(), { message: 'the X clipboard holds the code', timeout: 10_000 })
    .toMatch(/^\d{6}$/);
  const copied = await app.readClipboard();
  const secret = encodeBase32(secretOf(250));
  expect(codesDuring((t) => oathTotp(secret, t), before, Date.now() / 1000)).toContain(copied);

  // Escape clears the search and the whole list is back.
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(page.locator('li[data-account-id]')).toHaveCount(300);
});

test('favourites are on top, and stay there after a restart', async ({ app }) => {
  const { page } = app;
  await seed(app, [draft('Alpha', 1), draft('Bravo', 2), draft('Charlie', 3)]);
  expect(await issuers(page)).toEqual(['Alpha', 'Bravo', 'Charlie']);
  await page.getByRole('button', { name: 'Favourite: Charlie' }).click();
  await expect.poll(() => issuers(page)).toEqual(['Charlie', 'Alpha', 'Bravo']);
  await expect(page.getByRole('button', { name: 'Favourite: Charlie' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await app.restart();
  // With a keychain the vault opens by itself; otherwise it asks for the password.
  const list = page.getByRole('searchbox', { name: 'Search accounts' });
  await expect(list)
    .toBeVisible({ timeout: 5000 })
    .catch(async () => {
      await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
      await page.keyboard.press('Enter');
    });
  await expect.poll(() => issuers(page)).toEqual(['Charlie', 'Alpha', 'Bravo']);
});

test('each sort order orders the list, and the choice is kept in the vault settings', async ({
  app,
}) => {
  const { page } = app;
  const [zulu, mike, alpha] = await seed(app, [
    { ...draft('Zulu', 1), name: 'anna' },
    { ...draft('Mike', 2), name: 'zoe' },
    { ...draft('Alpha', 3), name: 'mia' },
  ]);
  const now = Date.now();
  // Usage as copying would leave it: Mike used most, Alpha most recently.
  await app.services.accounts.update(zulu!.id, (a) => ({
    ...a,
    lastUsedAt: now - 3000,
    useCount: 1,
  }));
  await app.services.accounts.update(mike!.id, (a) => ({
    ...a,
    lastUsedAt: now - 2000,
    useCount: 9,
  }));
  await app.services.accounts.update(alpha!.id, (a) => ({
    ...a,
    lastUsedAt: now - 1000,
    useCount: 2,
  }));
  await page.reload();
  const sort = page.getByRole('combobox', { name: 'Sort' });
  const expected: [string, string[]][] = [
    ['custom', ['Zulu', 'Mike', 'Alpha']],
    ['issuer', ['Alpha', 'Mike', 'Zulu']],
    ['account', ['Zulu', 'Alpha', 'Mike']],
    ['recent', ['Alpha', 'Mike', 'Zulu']],
    ['most-used', ['Mike', 'Alpha', 'Zulu']],
  ];
  for (const [order, names] of expected) {
    await sort.selectOption(order);
    await expect.poll(() => issuers(page), order).toEqual(names);
    await expect.poll(() => app.services.vault.settings().sortOrder).toBe(order);
  }
});

test('a group filter shows only that group’s accounts', async ({ app }) => {
  const { page } = app;
  const [a, , c] = await seed(app, [
    draft('Work mail', 1),
    draft('Home bank', 2),
    draft('Work VPN', 3),
  ]);
  await app.services.accounts.update(a!.id, (x) => ({ ...x, groups: ['Work'] }));
  await app.services.accounts.update(c!.id, (x) => ({ ...x, groups: ['Work', 'VPN'] }));
  await page.reload();
  const show = page.getByRole('combobox', { name: 'Show' });
  await show.selectOption({ label: 'Work' });
  await expect.poll(() => issuers(page)).toEqual(['Work mail', 'Work VPN']);
  await show.selectOption({ label: 'VPN' });
  await expect.poll(() => issuers(page)).toEqual(['Work VPN']);
  await show.selectOption({ label: 'All' });
  await expect.poll(() => issuers(page)).toEqual(['Work mail', 'Home bank', 'Work VPN']);
});

test('an account added from a link is inside the viewport and focused; the same link again asks first', async ({
  app,
}) => {
  const { page } = app;
  await seed(
    app,
    Array.from({ length: 60 }, (_, i) => draft(`Service ${i}`, i)),
  );
  const link = 'otpauth://totp/Newcomer:me@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Newcomer';
  const addFromLink = async () => {
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('button', { name: 'Paste a link' }).click();
    await page.getByLabel('Authenticator link').fill(link);
    await page.keyboard.press('Enter');
  };
  await addFromLink();
  const row = page.locator('li[data-testid="account-row"]', { hasText: 'Newcomer' });
  await expect(row.getByTestId('code')).toBeFocused();
  await expect(row).toBeInViewport();

  await addFromLink();
  await expect(page.getByTestId('duplicate-choice')).toContainText('You already have this account');
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(app.services.accounts.list().filter((x) => x.issuer === 'Newcomer')).toHaveLength(1);
});

test('at 360×640 nothing overflows sideways, with 10-digit and Steam codes', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 360, height: 640 });
  await seed(app, [
    draft('A service with a really quite long name indeed', 1, { ...totp, digits: 10 }),
    draft('Steam', 2, { type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 }),
    draft('Eight', 3, { ...totp, digits: 8, algorithm: 'SHA512' }),
  ]);
  await expect(page.getByTestId('code').first()).toHaveAttribute('data-code', /^\d{10}$/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  for (const row of await page.getByTestId('account-row').all()) {
    const box = (await row.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
  }
});

test('every code’s accessible name says whose it is and contains its digits', async ({ app }) => {
  const { page } = app;
  await seed(app, [
    draft('GitHub', 1),
    draft('Steam', 2, { type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 }),
    draft('Bank', 3, { type: 'hotp', algorithm: 'SHA1', digits: 8, counter: 0 }),
  ]);
  for (const code of await page.getByTestId('code').all()) {
    const digits = (await code.getAttribute('data-code'))!;
    expect(digits).not.toBe('');
    const name = await code.evaluate((el) => el.getAttribute('aria-label') ?? '');
    expect(name.replace(/\s/g, '')).toContain(digits);
    await expect(code).toHaveAccessibleName(new RegExp(`code ${[...digits].join(' ')}`));
  }
  await expect(page.getByRole('button', { name: 'Next code for Bank' })).toBeVisible();
});

test('the editor: Escape closes it and focus returns to Edit; note, group, favourite and icon are saved; the QR code needs the password and hides on blur', async ({
  app,
}) => {
  const { page } = app;
  const [github] = await seed(app, [draft('GitHub', 1), draft('Bank', 2)]);
  const edit = page.getByRole('button', { name: 'Edit GitHub' });
  await edit.click();
  const dialog = page.getByRole('dialog', { name: 'Edit GitHub' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();

  await edit.click();
  await expect(dialog.getByTestId('account-details')).toContainText('SHA1');
  await dialog.getByLabel('Note').fill('Backup codes in the safe');
  await dialog.getByLabel('Favourite (kept at the top of the list)').check();
  await dialog.getByRole('textbox', { name: 'New group' }).fill('Work');
  await dialog.getByRole('button', { name: 'Add to group' }).click();
  await dialog.getByRole('button', { name: 'No icon' }).click();
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();
  expect(app.services.accounts.get(github!.id)).toMatchObject({
    note: 'Backup codes in the safe',
    favorite: true,
    groups: ['Work'],
    icon: { kind: 'none' },
  });
  await expect(page.getByRole('combobox', { name: 'Show' })).toContainText('Work');

  await edit.click();
  await dialog.getByRole('button', { name: 'Show QR code…' }).click();
  await dialog.getByLabel('Your Latchkey password').fill(TEST_PASSWORD);
  await dialog.getByRole('button', { name: 'Show QR code', exact: true }).click();
  await expect(dialog.getByTestId('share-qr')).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event('blur')));
  await expect(dialog.getByTestId('share-qr')).toHaveCount(0);
});

test('brand icons come from the bundle (matched on the issuer), others get a monogram', async ({
  app,
}) => {
  const { page } = app;
  await seed(app, [draft('GitHub', 1), draft('accounts.google.com', 2), draft('Zqx Internal', 3)]);
  await expect(page.locator('[data-brand="github"]')).toBeVisible();
  await expect(page.locator('[data-brand="google"]')).toBeVisible();
  await expect(page.locator('.tile-monogram')).toHaveText('Z');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`README screenshots: the list with icons and favourites, and a search (${scheme})`, async ({
    app,
  }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1100, height: 640 });
    const names = [
      'GitHub',
      'Proton',
      'Mastodon',
      'Dropbox',
      'Steam',
      'Fastmail',
      'Company VPN',
      'GitLab',
      'Google',
    ];
    const added = await app.services.accounts.addMany(
      names.map((n, i) =>
        draft(
          n,
          i,
          n === 'Steam' ? { type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 } : totp,
        ),
      ),
      Date.now(),
    );
    for (const a of added.filter((x) => ['Proton', 'GitHub'].includes(x.issuer))) {
      await app.services.accounts.update(a.id, (x) => ({ ...x, favorite: true }));
    }
    await page.reload();
    await expect(page.locator('[data-brand="mastodon"]')).toBeVisible();
    await page.getByRole('button', { name: 'Back up now' }).isVisible();
    await page.screenshot({ path: `test-results/screenshots/list-${scheme}.png` });
    await page.keyboard.press('Control+f');
    await page.keyboard.type('git');
    await expect(page.locator('#results [data-testid="account-row"]')).toHaveCount(2);
    await page.screenshot({ path: `test-results/screenshots/search-${scheme}.png` });
  });
}

test('Settings › About credits the bundled icon set and its licence', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('about')).toContainText('Simple Icons');
  await expect(page.getByTestId('about')).toContainText('CC0 1.0');
});

test('typing a setup key the vault already has offers Keep both, which keeps both', async ({
  app,
}) => {
  const { page } = app;
  await seed(app, [{ ...draft('Bank', 1), secret: secretOf(1) }]);
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('button', { name: 'Enter a setup key' }).click();
  await page.getByLabel('Service (issuer)').fill('Bank again');
  await page
    .getByRole('textbox', { name: 'Setup key', exact: true })
    .fill(encodeBase32(secretOf(1)));
  await page.getByRole('button', { name: 'Add account' }).last().click();
  await expect(page.getByTestId('duplicate-choice')).toContainText('You already have this account');
  expect(app.services.accounts.list()).toHaveLength(1);
  await page.getByRole('button', { name: 'Keep both' }).click();
  await expect(
    page.locator('li[data-testid="account-row"]', { hasText: 'Bank again' }),
  ).toBeVisible();
  expect(app.services.accounts.list()).toHaveLength(2);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing on the list's own screens (${scheme}): search results, Groups and view, the editor`, async ({
    app,
  }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    const [github] = await seed(app, [draft('GitHub', 1), draft('GitLab', 2), draft('Bank', 3)]);
    await app.services.accounts.update(github!.id, (a) => ({
      ...a,
      favorite: true,
      groups: ['Work'],
    }));
    await page.reload();
    await expect(page.getByTestId('code').first()).toHaveAttribute('data-code', /./);
    const violations = async (screen: string) => {
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect
        .soft(
          violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
          screen,
        )
        .toEqual([]);
    };
    await page.keyboard.press('Control+f');
    await page.keyboard.type('git');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#results .selected')).toHaveCount(1);
    await violations('search results');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Groups and view…' }).click();
    await expect(page.getByRole('dialog', { name: 'Groups and view' })).toBeVisible();
    await violations('groups and view');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Groups and view…' })).toBeFocused();
    await page.getByRole('button', { name: 'Edit GitHub' }).click();
    await page.getByRole('button', { name: 'Show QR code…' }).click();
    await violations('editor');
  });
}

test('custom order: drag a row onto another, or Alt+↑ / Move to top with the keyboard', async ({
  app,
}) => {
  const { page } = app;
  await seed(app, [draft('Alpha', 1), draft('Bravo', 2), draft('Charlie', 3), draft('Delta', 4)]);
  const row = (name: string) => page.locator('li[data-testid="account-row"]', { hasText: name });
  const stored = () => app.services.accounts.list().map((a) => a.issuer);

  await row('Charlie').dragTo(row('Alpha'));
  await expect.poll(() => issuers(page)).toEqual(['Charlie', 'Alpha', 'Bravo', 'Delta']);
  expect(stored()).toEqual(['Charlie', 'Alpha', 'Bravo', 'Delta']);

  await row('Bravo').getByTestId('code').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => issuers(page)).toEqual(['Charlie', 'Bravo', 'Alpha', 'Delta']);
  await expect(row('Bravo').getByTestId('code')).toBeFocused();

  await page.getByRole('button', { name: 'Edit Delta' }).click();
  await page.getByRole('button', { name: 'Move to top' }).click();
  await expect.poll(() => stored()).toEqual(['Delta', 'Charlie', 'Bravo', 'Alpha']);
});

test('compact rows: shorter, and live rows as tall as the placeholders far down the list', async ({
  app,
}) => {
  const { page } = app;
  await seed(
    app,
    Array.from({ length: 80 }, (_, i) => draft(`Service ${i}`, i)),
  );
  const height = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => el.getBoundingClientRect().height);
  const comfortable = await height('[data-testid="account-row"]');
  await page.getByRole('button', { name: 'Groups and view…' }).click();
  await page.getByLabel('Compact').check();
  await page.keyboard.press('Escape');
  await expect.poll(() => app.services.vault.settings().density).toBe('compact');
  const live = await height('[data-testid="account-row"]');
  const placeholder = await height('.code-row-placeholder');
  expect(live).toBeLessThan(comfortable);
  expect(Math.abs(live - placeholder), `${live} vs ${placeholder}`).toBeLessThanOrEqual(1);
});

test('a picture file becomes the account’s icon: decoded in main, stored small in the vault', async ({
  app,
}) => {
  const { page } = app;
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-icon-'));
  const big = new PNG({ width: 200, height: 200 });
  big.data.fill(180);
  const file = join(dir, 'logo.png');
  writeFileSync(file, PNG.sync.write(big));
  await app.restart({ imageFile: choosing(file) });
  if (!app.services.vault.isUnlocked()) {
    await app.services.vault.unlockWithPassword(TEST_PASSWORD);
    app.services.unlocked();
  }
  const [bank] = await seed(app, [draft('Zqx Bank', 1)]);
  await page.getByRole('button', { name: 'Edit Zqx Bank' }).click();
  await page.getByRole('button', { name: 'Picture file…' }).click();
  await expect(page.locator('img.tile').first()).toBeVisible();
  // Saving other fields afterwards keeps the picture.
  await page.getByLabel('Note').fill('Branch office');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(app.services.accounts.get(bank!.id).note).toBe('Branch office');
  const icon = app.services.accounts.get(bank!.id).icon;
  expect(icon.kind).toBe('picture');
  if (icon.kind !== 'picture') return;
  const stored = PNG.sync.read(Buffer.from(icon.png, 'base64'));
  expect([stored.width, stored.height]).toEqual([64, 64]);
  rmSync(dir, { recursive: true, force: true });
});
