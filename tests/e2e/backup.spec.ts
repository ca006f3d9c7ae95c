import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { decodeBase32 } from '../../src/core/common/encoding/base32';
import { importBackup } from '../../src/core/node/importers';
import { serializeOtpUri } from '../../src/core/common/uri';
import type { OtpParams } from '../../src/shared/account';
import { expect, test, TEST_PASSWORD } from './fixtures';
import { ScriptedDialogs } from './support/dialogs';
import { expectCodeMatchesAt, oathTotp } from './support/oathtool';

const CORPORA = join(import.meta.dirname, '../../../shared/corpora');
const totp: OtpParams = { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 };
const SEEDED = [
  { issuer: 'GitHub', name: 'octo', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', otp: totp },
  {
    issuer: 'Bank & Co',
    name: 'alice:main',
    secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    otp: { ...totp, algorithm: 'SHA256', digits: 8 } as OtpParams,
  },
  {
    issuer: 'VPN',
    name: 'bob',
    secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U',
    otp: { type: 'hotp', algorithm: 'SHA1', digits: 6, counter: 7 } as OtpParams,
  },
  {
    issuer: 'Steam',
    name: 'gamer',
    secret: 'ONSWG4TFORSWG4TFORSWG4TFOQ',
    otp: { type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 } as OtpParams,
  },
];

async function seed(app: {
  services: { accounts: { add: (d: never, n: number) => Promise<unknown> } };
}) {
  for (const s of SEEDED) {
    await app.services.accounts.add(
      { issuer: s.issuer, name: s.name, otp: s.otp, secret: decodeBase32(s.secret)! } as never,
      Date.now(),
    );
  }
}
const urisOf = () =>
  SEEDED.map((s) =>
    serializeOtpUri({
      issuer: s.issuer,
      name: s.name,
      otp: s.otp,
      secret: decodeBase32(s.secret)!,
    }),
  );

/** After a restart the keychain opens the vault by itself; wait for it before touching accounts. */
async function restarted(
  app: { restart: (p: never) => Promise<void>; page: Page },
  dialogs: ScriptedDialogs,
) {
  await app.restart({ dialogs } as never);
  await expect(app.page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
}

async function openBackup(page: Page) {
  await page.getByRole('button', { name: 'Backup', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Backup and import' })).toBeVisible();
}

test.describe('backups', () => {
  let dir: string;
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'latchkey-backup-e2e-'));
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('the printed kit reads back (pdftoppm + zbarimg) to exactly the accounts’ links; the reminder goes away', async ({
    app,
  }) => {
    const dialogs = new ScriptedDialogs();
    dialogs.save = join(dir, 'kit.pdf');
    await restarted(app, dialogs);
    await seed(app);
    const { page } = app;
    await page.reload();
    await expect(page.getByTestId('backup-reminder')).toBeVisible();
    await openBackup(page);
    const kit = page.getByRole('group', { name: 'Printable emergency kit (PDF)' });
    await kit.getByLabel('Your Latchkey password').fill('wrong password');
    await kit.getByRole('button', { name: 'Save emergency kit…' }).click();
    await expect(kit.getByRole('alert')).toContainText('not correct');
    expect(existsSync(dialogs.save)).toBe(false);

    await kit.getByLabel('Your Latchkey password').fill(TEST_PASSWORD);
    await kit.getByRole('button', { name: 'Save emergency kit…' }).click();
    await expect(page.getByTestId('toast')).toContainText('Emergency kit saved', {
      timeout: 20_000,
    });
    execFileSync('pdftoppm', ['-r', '150', '-png', dialogs.save, join(dir, 'page')]);
    const pages = readdirSync(dir)
      .filter((f) => f.startsWith('page'))
      .map((f) => join(dir, f));
    // zbarimg exits 4 when some page (the cover) has no code; the others still print.
    const zbar = spawnSync('zbarimg', ['--raw', '-q', ...pages], { encoding: 'utf8' });
    expect([0, 4]).toContain(zbar.status);
    const read = zbar.stdout.split('\n').filter(Boolean);
    expect(new Set(read)).toEqual(new Set(urisOf()));
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  });

  test('an Aegis-format backup holds every account and opens with its password', async ({
    app,
  }) => {
    const dialogs = new ScriptedDialogs();
    dialogs.save = join(dir, 'aegis.json');
    await restarted(app, dialogs);
    await seed(app);
    const { page } = app;
    await page.reload();
    await openBackup(page);
    const section = page.getByRole('group', { name: 'Encrypted backup file (Aegis format)' });
    await section.getByLabel('Backup password', { exact: true }).fill('backup password 1');
    await section.getByLabel('Repeat the backup password').fill('backup password 1');
    await section.getByLabel('Your Latchkey password').fill(TEST_PASSWORD);
    await section.getByRole('button', { name: 'Save encrypted backup…' }).click();
    await expect(page.getByTestId('toast')).toContainText('Encrypted backup saved');
    const bytes = readFileSync(dialogs.save);
    expect(bytes.toString('utf8')).not.toContain(SEEDED[0]!.secret);
    const result = await importBackup(bytes, { password: 'backup password 1' });
    expect(result.format).toBe('aegis');
    const links = result.entries.map((e) => (e.ok ? serializeOtpUri(e.draft) : 'failed'));
    expect(links).toEqual(urisOf());
  });

  test('import an encrypted Aegis backup (shared corpora): preview, password, add', async ({
    app,
  }) => {
    const dialogs = new ScriptedDialogs();
    dialogs.open = join(CORPORA, 'aegis/importers/aegis_encrypted.json');
    await restarted(app, dialogs);
    const { page } = app;
    await openBackup(page);
    await page.getByRole('button', { name: 'Choose a backup file…' }).click();
    const importer = page.getByRole('group', { name: 'Import from another app' });
    await importer.getByLabel('Backup password').fill('wrong');
    await page.getByRole('button', { name: 'Open backup' }).click();
    await expect(importer.getByRole('alert')).toContainText(/password is wrong/);
    expect(app.services.accounts.list()).toHaveLength(0);
    await importer.getByLabel('Backup password').fill('test');
    await page.getByRole('button', { name: 'Open backup' }).click();
    // Aegis's seven reference accounts (VaultEntries.java V1–V7, see shared/corpora/README.md).
    await expect(page.getByTestId('found-item')).toHaveCount(7);
    await page.getByRole('button', { name: 'Add 7 accounts' }).click();
    await expect(page.getByTestId('toast')).toContainText('Imported 7 accounts');
    await page.getByRole('button', { name: 'Done' }).click();
    const deno = page.getByTestId('account-row').filter({ hasText: 'Deno' }).getByTestId('code');
    await expect(deno).toHaveAttribute('data-code', /^\d{6}$/);
    const { code, expected } = await expectCodeMatchesAt(
      async () => (await deno.getAttribute('data-code')) ?? '',
      (t) => oathTotp('4SJHB4GSD43FZBAI7C2HLRJGPQ', t),
    );
    expect(expected).toContain(code);
  });

  test('automatic encrypted copies after each change, newest N kept', async ({ app }) => {
    const dialogs = new ScriptedDialogs();
    dialogs.folder = dir;
    await restarted(app, dialogs);
    const { page } = app;
    await openBackup(page);
    await page.getByLabel('Keep').selectOption('3');
    await page.getByRole('button', { name: 'Choose folder and turn on…' }).click();
    await expect(page.getByTestId('auto-backup-folder')).toContainText(dir);
    for (let i = 0; i < 5; i++) {
      await app.services.accounts.add(
        {
          issuer: `Auto ${i}`,
          name: 'me',
          otp: totp,
          secret: decodeBase32(SEEDED[0]!.secret)!.map((b) => b ^ i),
        },
        Date.now(),
      );
    }
    await app.services.backup.flush();
    const copies = readdirSync(dir).filter((f) => f.startsWith('latchkey-backup-'));
    expect(copies).toHaveLength(3);
    const newest = readFileSync(join(dir, copies.sort().at(-1)!));
    expect(newest.toString()).not.toContain(SEEDED[0]!.secret);
  });

  test('recovery codes: paste, reveal after confirming, tick used, warning when few are left', async ({
    app,
  }) => {
    const { page } = app;
    await app.services.accounts.add(
      { issuer: 'GitHub', name: 'octo', otp: totp, secret: decodeBase32(SEEDED[0]!.secret)! },
      Date.now(),
    );
    await page.reload();
    await page.getByRole('button', { name: 'Edit GitHub' }).click();
    await page
      .getByLabel('Paste the recovery codes the service gave you')
      .fill('Your recovery codes:\n1. 3f9a2-b7c1d\n2. 8e0c4-a51f2\n3. 77d3b-09e6c\n');
    await page.getByRole('button', { name: 'Save recovery codes' }).click();
    await expect(page.getByTestId('recovery-summary')).toHaveText(/3 of 3 left/);
    expect(await page.content()).not.toContain('3f9a2-b7c1d');
    await page.getByTestId('recovery').getByLabel('Your Latchkey password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Show codes' }).click();
    await page.getByRole('checkbox', { name: '3f9a2-b7c1d' }).check();
    await expect(page.getByTestId('recovery-summary')).toHaveText(/2 of 3 left — get new ones/);
    await app.restart();
    await expect(page.getByText('2 recovery codes left')).toBeVisible();
    await page.getByRole('button', { name: 'Edit GitHub' }).click();
    await page.getByRole('button', { name: 'Delete codes' }).click();
    await expect(page.getByTestId('recovery-summary')).toHaveCount(0);
    expect(app.services.accounts.list()[0]!.recoveryCodes).toEqual([]);
  });
});
