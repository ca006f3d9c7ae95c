import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKeytarKeychain } from '../../src/node/keychain';
import { countingKdf } from '../unit/vault/helpers';
import { expect, test, TEST_KEYCHAIN_SERVICE, TEST_PASSWORD } from './fixtures';
import { expectCodeMatchesAt, oathTotp } from './support/oathtool';

const SECRETS = ['JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'];

async function addLink(page: Page, issuer: string, secret: string) {
  await page.getByRole('button', { name: 'Add account' }).first().click();
  await page.getByRole('button', { name: 'Paste a link' }).click();
  await page
    .getByLabel('Authenticator link')
    .fill(`otpauth://totp/${issuer}:me?secret=${secret}&issuer=${issuer}`);
  await page.getByRole('button', { name: 'Add account' }).last().click();
  await expect(page.getByTestId('account-row').filter({ hasText: issuer })).toBeVisible();
}

/** Codes on screen, checked against oathtool for the same instant. */
async function expectCodes(page: Page, issuers: string[]) {
  for (const [i, issuer] of issuers.entries()) {
    const code = page.getByTestId('account-row').filter({ hasText: issuer }).getByTestId('code');
    await expect(code).toHaveAttribute('data-code', /^\d{6}$/);
    const { code: shown, expected } = await expectCodeMatchesAt(
      async () => (await code.getAttribute('data-code')) ?? '',
      (t) => oathTotp(SECRETS[i]!, t),
    );
    expect(expected).toContain(shown);
  }
}

async function unlockWithPassword(page: Page, password = TEST_PASSWORD) {
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

test.describe('first run and unlocking (real vault, real keyring)', () => {
  test.use({ vaultSetup: 'absent' });

  test('set up with keychain + password; after a restart it opens by itself; then by password only; codes survive', async ({
    app,
  }) => {
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Welcome to Latchkey' })).toBeVisible();
    await expect(page.getByLabel(/recommended/)).toBeChecked();
    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await page.getByLabel('Repeat the password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Create vault' }).click();
    await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
    await addLink(page, 'Alpha', SECRETS[0]!);
    await addLink(page, 'Beta', SECRETS[1]!);

    // Restart: a new main process on the same data folder. The keychain opens the vault by itself.
    await app.restart();
    await expect(page.getByTestId('account-row')).toHaveCount(2);
    await expectCodes(page, ['Alpha', 'Beta']);

    // Lock: the page forgets every code; unlocking needs the user again.
    await page.getByRole('button', { name: 'Lock' }).click();
    await expect(page.getByRole('heading', { name: 'Unlock Latchkey' })).toBeVisible();
    await expect(page.getByTestId('account-row')).toHaveCount(0);
    expect(await page.evaluate(() => window.latchkey['codes:list']({}))).toMatchObject({
      ok: false,
      error: { code: 'vault.locked' },
    });

    // Sign out of this device: the keychain entry goes; only the password opens the vault now.
    await unlockWithPassword(page);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Sign out of this device' }).click();
    // It needs the password: the vault gets a new key wrapped under the password alone.
    await page.getByLabel('Your Latchkey password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page.getByText('This device is signed out')).toBeVisible();
    await app.restart();
    await expect(page.getByRole('heading', { name: 'Unlock Latchkey' })).toBeVisible();
    await expect(page.getByRole('button', { name: /keychain/ })).toHaveCount(0);
    await unlockWithPassword(page);
    await expect(page.getByTestId('account-row')).toHaveCount(2);
    await expectCodes(page, ['Alpha', 'Beta']);
  });

  test('the password fields must match, and a short password is refused with a reason', async ({
    app,
  }) => {
    const { page } = app;
    await page.getByLabel('With a password every time').check();
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Repeat the password').fill('shorter');
    await page.getByRole('button', { name: 'Create vault' }).click();
    await expect(page.getByTestId('setup-error')).toContainText('not the same');
    await page.getByLabel('Repeat the password').fill('short');
    await page.getByRole('button', { name: 'Create vault' }).click();
    await expect(page.getByTestId('setup-error')).toContainText('at least 8 characters');
    expect((await app.services.vault.status()).state).toBe('absent');
  });
});

test.describe('lockout, auto-lock, damage', () => {
  test('six wrong passwords make the user wait; the seventh runs no KDF; the wait survives a restart', async ({
    app,
  }) => {
    const { page } = app;
    const kdf = countingKdf();
    // Sign out of the keychain so only the password opens the vault, then restart with a counted KDF.
    if ((await app.services.vault.status()).slots.keychain)
      await app.services.vault.disableKeychain(TEST_PASSWORD);
    await app.restart({ vaultOptions: { kdf } });
    for (let i = 0; i < 6; i++) {
      await unlockWithPassword(page, `wrong password ${i}`);
      // The field empties once the attempt has been answered.
      await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
      await expect(page.getByText(/not correct|Too many/).first()).toBeVisible();
    }
    await expect(page.getByTestId('lockout')).toContainText(/Try again in \d+ s/);
    await expect(page.getByRole('button', { name: 'Unlock', exact: true })).toBeDisabled();
    const runs = kdf.calls;
    const refused = await page.evaluate(
      (pw) => window.latchkey['vault:unlock']({ method: 'password', password: pw }),
      TEST_PASSWORD,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'vault.locked-out' } });
    expect(kdf.calls).toBe(runs);

    await app.restart({ vaultOptions: { kdf } });
    await expect(page.getByTestId('lockout')).toBeVisible();
    const still = await page.evaluate(
      (pw) => window.latchkey['vault:unlock']({ method: 'password', password: pw }),
      TEST_PASSWORD,
    );
    expect(still).toMatchObject({ ok: false, error: { code: 'vault.locked-out' } });
    expect(kdf.calls).toBe(runs);
  });

  test('idle time locks the vault and the page drops its codes', async ({ app }) => {
    const { page } = app;
    await app.services.accounts.add(
      {
        issuer: 'Idle',
        name: 'me',
        otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
        secret: new Uint8Array(20).fill(7),
      },
      Date.now(),
    );
    await page.reload();
    await expect(page.getByTestId('account-row')).toHaveCount(1);
    // The platform reports the machine idle for an hour; the check runs every 200 ms here.
    await app.restart({ systemIdleSeconds: () => 3600, autoLockCheckMs: 200 });
    await expect(page.getByTestId('account-row')).toHaveCount(1);
    app.services.unlocked();
    await expect(page.getByText('Latchkey locked itself after a while without use.')).toBeVisible();
    await expect(page.getByTestId('account-row')).toHaveCount(0);
    expect((await app.services.vault.status()).state).toBe('locked');
  });

  const damages = {
    // Still valid JSON, but one ciphertext character changed: authentication must fail.
    'a changed ciphertext byte': (text: string) => {
      const at = text.indexOf('"ciphertext":"') + '"ciphertext":"'.length + 10;
      return text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    },
    // No longer parses at all: the slots cannot even be read from it.
    'a truncated file': (text: string) => text.slice(0, Math.floor(text.length / 2)),
  };
  for (const [name, damage] of Object.entries(damages)) {
    test(`${name}: the vault is never overwritten; the newest good copy can be restored`, async ({
      app,
    }) => {
      const { page } = app;
      await app.services.accounts.add(
        {
          issuer: 'Keep',
          name: 'me',
          otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
          secret: new Uint8Array(20).fill(9),
        },
        Date.now(),
      );
      await app.services.vault.disableKeychain(TEST_PASSWORD);
      const file = join(app.dataDir, 'vault.json');
      const damaged = Buffer.from(damage(readFileSync(file, 'utf8')), 'utf8');
      writeFileSync(file, damaged);
      await app.restart();
      await unlockWithPassword(page);
      await expect(page.getByTestId('unlock-error')).toContainText(/integrity|damaged/);
      expect(readFileSync(file).equals(damaged)).toBe(true);
      await page.getByRole('button', { name: /Restore the copy saved/ }).click();
      await unlockWithPassword(page);
      await expect(page.getByTestId('account-row').filter({ hasText: 'Keep' })).toBeVisible();
    });
  }
});

test.describe('managing accounts', () => {
  test('rename, reorder, delete with undo — all still there after a restart', async ({ app }) => {
    const { page } = app;
    await addLink(page, 'Alpha', SECRETS[0]!);
    await addLink(page, 'Beta', SECRETS[1]!);
    const rows = page.getByTestId('account-row');

    await page.getByRole('button', { name: 'Edit Alpha' }).click();
    await page.getByLabel('Service', { exact: true }).fill('Alpha Renamed');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(rows.first().getByTestId('issuer')).toHaveText('Alpha Renamed');

    // Custom order (the default sort): the editor's Move to top; Alt+↑/↓ and dragging a row are
    // covered in daily-list.spec.ts.
    await page.getByRole('button', { name: 'Edit Beta' }).click();
    await page.getByRole('button', { name: 'Move to top' }).click();
    await expect(rows.first().getByTestId('issuer')).toHaveText('Beta');

    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(rows).toHaveCount(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(rows).toHaveCount(2);
    await expect(rows.first().getByTestId('issuer')).toHaveText('Beta');

    await app.restart();
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0).getByTestId('issuer')).toHaveText('Beta');
    await expect(rows.nth(1).getByTestId('issuer')).toHaveText('Alpha Renamed');
  });

  test('erase all data needs the typed confirmation', async ({ app }) => {
    const { page } = app;
    await addLink(page, 'Gone', SECRETS[0]!);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('button', { name: 'Erase everything' })).toBeDisabled();
    await page.getByLabel('Type ERASE to confirm').fill('ERASE');
    await page.getByRole('button', { name: 'Erase everything' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome to Latchkey' })).toBeVisible();
    expect((await app.services.vault.status()).state).toBe('absent');
  });
});

test.describe('a forgotten password (issue 10 finding 6)', () => {
  test('locked: erase everything names every file it deletes, then needs ERASE typed', async ({
    app,
  }) => {
    const { page } = app;
    await addLink(page, 'Gone', SECRETS[0]!);
    if ((await app.services.vault.status()).slots.keychain)
      await app.services.vault.disableKeychain(TEST_PASSWORD);
    await app.restart();
    await expect(page.getByRole('heading', { name: 'Unlock Latchkey' })).toBeVisible();
    await page.getByText('Forgot your password?').click();
    const plan = page.getByTestId('erase-plan');
    await expect(plan).toContainText(join(app.dataDir, 'vault.json'));
    await expect(plan).toContainText(join(app.dataDir, 'generations'));
    const erase = page.getByRole('button', { name: 'Erase everything' });
    await expect(erase).toBeDisabled();
    await page.getByLabel('Type ERASE to confirm').fill('erase');
    await expect(erase).toBeDisabled();
    await page.getByLabel('Type ERASE to confirm').fill('ERASE');
    await erase.click();
    await expect(page.getByRole('heading', { name: 'Welcome to Latchkey' })).toBeVisible();
    expect((await app.services.vault.status()).state).toBe('absent');
  });
});

test.describe('with no Secret Service @no-keychain', () => {
  test.use({ vaultSetup: 'absent' });
  test('first run explains the missing keychain and requires a password', async ({ app }) => {
    const { page } = app;
    expect(
      await createKeytarKeychain(TEST_KEYCHAIN_SERVICE).available(),
      'this case runs without a Secret Service',
    ).toBe(false);
    await expect(page.getByTestId('no-keychain')).toContainText('keychain is not available');
    await expect(page.getByLabel(/recommended/)).toBeDisabled();
    await expect(page.getByLabel('With a password every time')).toBeChecked();
    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await page.getByLabel('Repeat the password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Create vault' }).click();
    await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
    await app.restart();
    await expect(page.getByRole('heading', { name: 'Unlock Latchkey' })).toBeVisible();
    await unlockWithPassword(page);
    await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  });
});

test('hiding the window from screen capture is a setting that persists and reaches the window', async ({
  app,
}) => {
  const { page } = app;
  const calls: boolean[] = [];
  const window = { setContentProtection: (on: boolean) => calls.push(on) };
  await app.restart({ window });
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
  expect(calls.at(-1)).toBe(true);
  await page.getByRole('button', { name: 'Settings' }).click();
  const box = page.getByLabel('Hide Latchkey from screenshots and screen sharing');
  await expect(box).toBeChecked();
  await box.uncheck();
  await expect(page.getByTestId('toast')).toContainText('Saved');
  expect(calls.at(-1)).toBe(false);
  await app.restart({ window });
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
  expect(calls.at(-1)).toBe(false);
});
