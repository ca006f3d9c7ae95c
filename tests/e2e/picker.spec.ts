import AxeBuilder from '@axe-core/playwright';
import { decodeBase32 } from '../../src/core/common/encoding/base32';
import { PICKER_OPERATIONS } from '../../src/shared/bridge-surfaces';
import type { ShellPort } from '../../src/node/services/shell-port';
import { noShell } from '../../src/node/services/shell-port';
import type { Page } from '@playwright/test';
import { expect, test, TEST_PASSWORD, type LatchkeyApp } from './fixtures';
import { codesDuring, expectCodeMatchesAt, oathTotp } from './support/oathtool';
import { xClipboard } from './harness/x-clipboard';
import { openPicker } from './support/picker-page';

const GITHUB = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const GITLAB = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const totp = { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 } as const;

/** 200 accounts: the two that matter among decoys that share letters with them. */
async function seed200(app: LatchkeyApp): Promise<void> {
  const decoys = ['Google', 'Gandi', 'Shopify', 'Hetzner', 'Gitea'].map((issuer) => ({
    issuer,
    name: 'me@example.com',
    otp: totp,
    secret: Uint8Array.from({ length: 20 }, (_, b) => (issuer.length * 31 + b) & 0xff),
  }));
  const filler = Array.from({ length: 193 }, (_, i) => ({
    issuer: `Service ${String(i).padStart(3, '0')}`,
    name: `user${i}@example.com`,
    otp: totp,
    secret: Uint8Array.from({ length: 20 }, (_, b) => (i * 7 + b * 13 + 1) & 0xff),
  }));
  await app.services.accounts.addMany(
    [
      ...filler.slice(0, 100),
      { issuer: 'GitHub', name: 'alice', otp: totp, secret: decodeBase32(GITHUB)! },
      ...decoys,
      { issuer: 'GitLab', name: 'bob', otp: totp, secret: decodeBase32(GITLAB)! },
      ...filler.slice(100),
    ],
    Date.now(),
  );
  expect(app.services.accounts.list()).toHaveLength(200);
}

/**
 * The clipboard holds oathtool's code for some instant between `since` (taken before the key
 * that copied it) and now: a period may turn over between the copy and the read.
 */
async function expectClipboardCode(app: LatchkeyApp, secret: string, since: number): Promise<void> {
  const copied = await app.readClipboard();
  expect(codesDuring((t) => oathTotp(secret, t), since, Date.now() / 1000)).toContain(copied);
}

/** axe-core's full rule set on the picker as it shows now. */
async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** A shell that records the picker being closed, as the app's window hiding would. */
function recordingShell(): ShellPort & { closed: number } {
  const shell = { ...noShell, closed: 0, closePicker: () => void shell.closed++ };
  return shell;
}

test('200 accounts: type two letters, Enter → the real clipboard holds the code oathtool gives', async ({
  app,
}) => {
  const shell = recordingShell();
  await app.restart({ shell, keychain: null });
  await app.services.vault.unlockWithPassword(TEST_PASSWORD);
  app.services.unlocked();
  await seed200(app);
  const { page, problems } = await openPicker(app);

  // The picker window is granted only its own operations.
  expect(await page.evaluate(() => Object.keys(window.latchkey).sort())).toEqual(
    [...PICKER_OPERATIONS, 'on'].sort(),
  );

  const search = page.getByRole('combobox', { name: 'Search accounts' });
  await expect(search).toBeFocused();
  await page.keyboard.type('gh');
  await expect(page.getByTestId('picker-row').first()).toContainText('GitHub');
  // The row shows GitHub's code (fetched for the shown rows only, not all 200 accounts).
  const rowCode = page.getByTestId('picker-row').first().locator('[data-code]');
  await expect(rowCode).toHaveAttribute('data-code', /^\d{6}$/);
  const { code: shown, expected } = await expectCodeMatchesAt(
    async () => (await rowCode.getAttribute('data-code')) ?? '',
    (t) => oathTotp(GITHUB, t),
  );
  expect(expected).toContain(shown);
  await expectNoAxeViolations(page);
  const copiedSince = Date.now() / 1000;
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('picker-message')).toHaveText('Copied the code for GitHub (alice)');
  await expectClipboardCode(app, GITHUB, copiedSince);
  expect(shell.closed).toBe(1);
  // What a clipboard manager sees: the code and KDE's password-manager hint, in one ownership.
  const x = xClipboard(app.display);
  expect(await x.targets()).toEqual(
    expect.arrayContaining(['UTF8_STRING', 'x-kde-passwordManagerHint']),
  );
  expect(await x.readTarget('x-kde-passwordManagerHint')).toBe('secret');

  // ↓ chooses another match; Escape closes without copying.
  await search.fill('git');
  const rows = page.getByTestId('picker-row');
  await expect(rows.nth(0)).toContainText('GitHub');
  await expect(rows.nth(1)).toContainText('Gitea');
  await expect(rows.nth(2)).toContainText('GitLab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');
  const gitlabSince = Date.now() / 1000;
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('picker-message')).toContainText('GitLab (bob)');
  await expectClipboardCode(app, GITLAB, gitlabSince);
  await page.keyboard.press('Escape');
  expect(shell.closed).toBe(3);
  expect(await problems()).toEqual([]);
});

test('locked: the picker asks to unlock first, then copies', async ({ app }) => {
  await seed200(app);
  const shell = recordingShell();
  // Restarted without the keychain, so the main page cannot open the vault by itself first.
  await app.restart({ shell, keychain: null });
  expect(app.services.vault.isUnlocked()).toBe(false);
  const { page, problems } = await openPicker(app);

  await expect(page.getByRole('heading', { name: 'Unlock Latchkey to copy a code' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Search accounts' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await page.keyboard.press('Enter');
  await expect(page.locator('.field-error, [role="alert"]').first()).toBeVisible();
  expect(app.services.vault.isUnlocked()).toBe(false);

  await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
  await page.keyboard.press('Enter');
  const search = page.getByRole('combobox', { name: 'Search accounts' });
  await expect(search).toBeFocused();
  await page.keyboard.type('gh');
  await expect(page.getByTestId('picker-row').first()).toContainText('GitHub');
  const copiedSince = Date.now() / 1000;
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('picker-message')).toContainText('GitHub (alice)');
  await expectClipboardCode(app, GITHUB, copiedSince);
  expect(shell.closed).toBe(1);
  expect(await problems()).toEqual([]);
});
