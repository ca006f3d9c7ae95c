import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultMessage } from '../../src/shared/errors';
import { noShell } from '../../src/node/services/shell-port';
import { PREFERENCES_FILE } from '../../src/node/services/preferences';
import { expect, test, TEST_PASSWORD } from './fixtures';

/**
 * Settings for the quick picker's shortcut, the clipboard wipe and the tray, against the real
 * preferences service. The desktop shell is the one thing stood in for (there is no Electron
 * here): it refuses one shortcut the way globalShortcut.register does when another app has it.
 */
test('a shortcut the system refuses: a clear message, the old one stays; it can be turned off', async ({
  app,
}) => {
  const registered: (string | null)[] = [];
  await app.restart({
    keychain: null,
    shell: {
      ...noShell,
      capabilities: { tray: true, startAtLogin: true },
      setHotkey: (accelerator) => {
        registered.push(accelerator);
        return accelerator === 'CommandOrControl+Alt+J' ? 'refused' : 'active';
      },
    },
  });
  await app.services.shell.start();
  const { page } = app;
  await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByRole('button', { name: 'Settings' }).click();

  const section = page.getByTestId('shortcut-section');
  await expect(section.getByTestId('hotkey-status')).toHaveText(
    'Ctrl+Alt+K opens the quick picker from any app.',
  );
  await section.getByRole('button', { name: 'Change shortcut…' }).click();
  await page.getByLabel('Press the new shortcut').press('Control+Alt+KeyJ');
  await expect(section.getByRole('alert')).toHaveText(defaultMessage('hotkey.refused'));
  await expect(section.getByTestId('hotkey-status')).toContainText('Ctrl+Alt+K');
  expect(registered.slice(-2)).toEqual(['CommandOrControl+Alt+J', 'CommandOrControl+Alt+K']);

  await section.getByRole('button', { name: 'Change shortcut…' }).click();
  await page.getByLabel('Press the new shortcut').press('Control+Shift+KeyP');
  await expect(section.getByTestId('hotkey-status')).toContainText('Ctrl+Shift+P opens');

  await section.getByRole('button', { name: 'Turn the shortcut off' }).click();
  await expect(section.getByTestId('hotkey-status')).toContainText('Off.');
  const saved = () => JSON.parse(readFileSync(join(app.dataDir, PREFERENCES_FILE), 'utf8'));
  expect(saved().hotkey).toBeNull();

  // The clipboard wipe delay: 10–120 s or never, 30 s by default, saved with the preferences.
  const wipe = page.getByLabel('Clear a copied code from the clipboard');
  await expect(wipe).toHaveValue('30');
  await wipe.selectOption({ label: 'After 10 seconds' });
  await expect.poll(() => saved().clipboardClearSeconds).toBe(10);
  await wipe.selectOption({ label: 'Never' });
  await expect.poll(() => saved().clipboardClearSeconds).toBeNull();

  // Tray and start-up: close to tray on by default, start at login off.
  await expect(
    page.getByLabel('Keep Latchkey in the tray when its window is closed'),
  ).toBeChecked();
  await expect(page.getByLabel('Start Latchkey when I log in')).not.toBeChecked();
  await expect(page.getByLabel('When started at login, stay in the tray')).toBeDisabled();
});

test('the wipe delay applies to the next copy', async ({ app }) => {
  await app.services.shell.update({ clipboardClearSeconds: 10 });
  const account = await app.services.accounts.add(
    {
      issuer: 'GitHub',
      name: 'alice',
      otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
      secret: new Uint8Array(20).fill(7),
    },
    Date.now(),
  );
  const before = Date.now();
  const { clearsAt } = await app.services.clipboard.copyCode(account.id);
  expect(clearsAt! - before).toBeGreaterThanOrEqual(10_000);
  expect(clearsAt! - before).toBeLessThan(11_000);
  await app.services.shell.update({ clipboardClearSeconds: null });
  expect((await app.services.clipboard.copyCode(account.id)).clearsAt).toBeNull();
});
