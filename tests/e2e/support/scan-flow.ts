import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImageFilePort } from '../../../src/node/services/capture-port';
import { expectCodeMatchesAt, oathTotp } from './oathtool';

/** Opens Add account; the "Scan a QR code" way in is the one shown first. */
export async function openScan(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add account' }).first().click();
  await expect(page.getByRole('button', { name: 'Scan a QR code' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('button', { name: /^Scan screen/ })).toBeVisible();
}

/** The code on the row of `issuer` (and `name`, when given) is oathtool's code for `secret` now. */
export async function expectCodeFor(
  page: Page,
  issuer: string,
  secret: string,
  name?: string,
): Promise<void> {
  let row = page
    .getByTestId('account-row')
    .filter({ has: page.getByTestId('issuer').getByText(issuer, { exact: true }) });
  if (name)
    row = row.filter({ has: page.getByTestId('account-name').getByText(name, { exact: true }) });
  // Rows far from the screen are placeholders: scroll down until this one renders.
  // The content scrolls inside <main> (the header and message bar stay put).
  // Scroll as a person does, with the wheel over the list, so whichever element scrolls does.
  await page.evaluate(() => document.querySelector('main')!.scrollTo(0, 0));
  const list = page.getByRole('list', { name: 'Accounts' });
  await list.hover({ position: { x: 10, y: 10 } });
  const step = (page.viewportSize()?.height ?? 720) / 2;
  for (let i = 0; i < 60 && (await row.count()) === 0; i++) {
    await page.mouse.wheel(0, step);
    await page.waitForTimeout(80);
  }
  const code = row.getByTestId('code');
  await expect(code).toHaveAttribute('data-code', /^\d{6}$/);
  const { code: shown, expected } = await expectCodeMatchesAt(
    async () => (await code.getAttribute('data-code')) ?? '',
    (t) => oathTotp(secret, t),
  );
  expect(expected).toContain(shown);
}

/** axe finds nothing on the screen as it is, in the light and in the dark colour scheme. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    const summary = results.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(summary, `axe violations on ${screen} (${colorScheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

/** A temp folder with the given files; the dialog port "chooses" them one after the other. */
export function pictureFolder(): {
  dir: string;
  write: (name: string, bytes: Buffer | string) => string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-scan-'));
  return {
    dir,
    write: (name, bytes) => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    },
  };
}

/** The native "Open picture" dialog, answered by the test: each call picks the next path. */
export function choosing(...paths: string[]): ImageFilePort & { readonly asked: number } {
  let asked = 0;
  return {
    get asked() {
      return asked;
    },
    chooseImage: async () => paths[asked++] ?? null,
  };
}

/** A standard otpauth link, percent-encoded the way setup pages print them. */
export function totpUri(issuer: string, name: string, secret: string): string {
  return `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(name)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;
}
