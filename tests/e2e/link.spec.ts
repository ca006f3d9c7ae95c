import { defaultMessage } from '../../src/shared/errors';
import {
  routeFirstLaunch,
  routeOpenUrl,
  routeSecondInstance,
} from '../../src/node/shell/link-routing';
import { expect, test, TEST_PASSWORD } from './fixtures';
import { threePartExport } from './support/google-export';

/**
 * otpauth:// links from the desktop: each desktop path (macOS open-url, the first instance's
 * command line, a second instance's command line) goes through the real routing module into
 * the real link service, which stages the link like a scan and pushes `link-staged` to the page
 * through the test bridge's event path — as webContents.send does in the app.
 */
const LINK = 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const EXE = '/opt/Latchkey/latchkey';

test('open-url (macOS): the confirmation screen shows the account; nothing is added until confirmed', async ({
  app,
}) => {
  const { page } = app;
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
  const before = app.services.accounts.list().length;
  app.services.links.open(routeOpenUrl(LINK));

  const found = page.getByTestId('found-item');
  await expect(found).toHaveCount(1);
  await expect(found).toContainText('GitHub');
  await expect(found).toContainText('alice');
  await expect(found).toContainText('Link');
  expect(app.services.accounts.list()).toHaveLength(before);

  await page.getByRole('button', { name: 'Add 1 account' }).click();
  await expect.poll(() => app.services.accounts.list().length).toBe(before + 1);
  expect(app.services.accounts.list().at(-1)).toMatchObject({ issuer: 'GitHub', name: 'alice' });
});

test('a second instance (Windows, Linux) with a malformed link: its specific error, nothing added', async ({
  app,
}) => {
  const { page } = app;
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
  const before = app.services.accounts.list().length;
  app.services.links.open(
    routeSecondInstance([EXE, '--enable-features=x', 'otpauth://totp/Shop:bob?issuer=Shop']),
  );
  const problem = page.getByTestId('scan-problem');
  await expect(problem).toContainText(defaultMessage('uri.secret-missing'));
  await expect(problem).toContainText('Link');
  await expect(page.getByTestId('found-item')).toHaveCount(0);
  expect(app.services.accounts.list()).toHaveLength(before);
});

test('a Google Authenticator export link on the first command line, while locked: staged after unlocking', async ({
  app,
}) => {
  const { page } = app;
  // Restarted without the keychain, so it stays locked until the password is typed.
  await app.restart({ keychain: null });
  await expect(page.getByRole('heading', { name: 'Unlock Latchkey' })).toBeVisible();
  const [part] = threePartExport().parts;
  const route = routeFirstLaunch([EXE, part!], false);
  expect(route).toEqual({ links: [part], window: 'show' });
  app.services.links.open(route);
  expect(app.services.vault.isUnlocked()).toBe(false);

  await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByTestId('found-item').first()).toBeVisible();
  await expect(page.getByTestId('batch-missing')).toContainText('part 1 of 3');
  expect(app.services.accounts.list()).toHaveLength(0);
});
