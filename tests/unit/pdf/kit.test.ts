import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildEmergencyKit,
  type EmergencyKit,
  type KitAccount,
} from '../../../src/core/common/pdf/index';
import { buildEmergencyKitWith } from '../../../src/core/common/pdf/kit';
import { qrGeometry } from '../../../src/core/common/pdf/qr-geometry';
import { encodeMigrationPayloads } from '../../../src/core/common/migration/index';
import { groupSecret } from '../../../src/core/common/pdf/format';
import { runCli } from '../../../src/cli/run';
import {
  kitAccount,
  pdfBytesAndStreams,
  pdfText,
  randomDrafts,
  rasterise,
  tempDir,
  zbar,
  zbarBinary,
} from './helpers';

const createdAt = new Date(2026, 10, 30, 9, 15);
const dirs: string[] = [];
const dir = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function codesFor(i: number): KitAccount['recoveryCodes'] {
  if (i % 4 !== 0) return [];
  return Array.from({ length: 10 }, (_, j) => ({
    code: `${4000 + i * 10 + j} ${7100 + j}`,
    used: j < 3,
  }));
}

const drafts = randomDrafts(50, 20261130);
const accounts = drafts.map((d, i) => kitAccount(d, codesFor(i)));

describe('full emergency kit, 50 random accounts', () => {
  let kit: EmergencyKit;
  let pages: string[];
  let text: string;
  beforeAll(() => {
    kit = buildEmergencyKit(accounts, { variant: 'full', createdAt });
    const d = dir();
    pages = rasterise(kit.pdf, d);
    text = pdfText(kit.pdf, d);
  });

  it('every QR code, rasterised at 150 dpi and read by zbar, gives back exactly its URI', () => {
    const found = pages.flatMap((p) => zbar(p));
    expect(found).toHaveLength(50);
    expect(new Set(found)).toEqual(new Set(accounts.map((a) => a.uri)));
  });

  it('the same pages through `latchkey scan` give back exactly the 50 URIs', async () => {
    let out = '';
    const code = await runCli(['scan', ...pages], {
      stdout: (t) => (out += t),
      stderr: () => {},
      now: () => Date.now(),
      env: {},
    });
    // Exit 1: the cover page holds no code; every other page's codes are still printed.
    expect(code).toBe(1);
    const found = out.split('\n').filter(Boolean);
    expect(found).toHaveLength(50);
    expect(new Set(found)).toEqual(new Set(accounts.map((a) => a.uri)));
  });

  it('reports where each QR code is, and zbar finds it on that page', () => {
    expect(kit.qrCodes.map((q) => q.text)).toEqual(accounts.map((a) => a.uri));
    pages.forEach((png, i) => {
      const expected = kit.qrCodes.filter((q) => q.page === i + 1).map((q) => q.text);
      expect(zbar(png).sort()).toEqual(expected.sort());
    });
    for (const q of kit.qrCodes) {
      expect(q.x).toBeGreaterThanOrEqual(10);
      expect(q.x + q.size).toBeLessThanOrEqual(200);
      expect(q.y).toBeGreaterThanOrEqual(15);
      expect(q.y + q.size).toBeLessThanOrEqual(285);
      const overlapping = kit.qrCodes.filter(
        (o) => o !== q && o.page === q.page && o.y < q.y + q.size && q.y < o.y + o.size,
      );
      expect(overlapping).toEqual([]);
    }
  });

  it('has a cover page that says what it is and how to keep it', () => {
    const cover = text.split('\f')[0]!;
    expect(cover).toContain('Latchkey emergency kit');
    expect(cover).toContain('Created 30 November 2026 - 50 accounts');
    expect(cover).toMatch(
      /Store this like cash\. Anyone who holds this paper can generate your sign-in codes/,
    );
    expect(cover).toContain('How to restore your accounts');
    expect(cover).toMatch(/scan its QR code/);
    expect(cover).toMatch(/type the issuer, the account name and the\s+secret key/);
    expect(cover).toContain('Where to keep it');
  });

  it('numbers every page "Page X of Y" and repeats the header', () => {
    const pageTexts = text.split('\f').filter((t) => t.trim().length > 0);
    expect(pageTexts).toHaveLength(pages.length);
    pageTexts.forEach((t, i) => {
      expect(t).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(t).toContain('Latchkey emergency kit - 30 November 2026');
    });
  });

  it('prints each secret in groups of four with the settings to type by hand', () => {
    // Long secrets wrap onto several lines.
    const flat = text.replace(/\s+/g, ' ');
    for (const a of accounts) expect(flat).toContain(groupSecret(a.secretBase32));
    expect(text).toMatch(/Steam Guard \(5 characters/);
    const hotp = accounts.find((a) => a.otp.type === 'hotp')!;
    expect(hotp.otp.type === 'hotp' && text.includes(`next counter ${hotp.otp.counter}`)).toBe(
      true,
    );
    expect(text).toMatch(/Time-based \(TOTP\) - SHA512 - \d digits - new code every (30|60) s/);
  });

  it('lists recovery codes with used ones marked', () => {
    expect(text).toMatch(/4000 7100\s+used/);
    expect(text).toContain('4003 7103');
    expect(text).toContain('Recovery codes (10) - tick each one when you use it:');
  });

  it('keeps Latin-1 names, replaces what Helvetica cannot print with "?" and says so', () => {
    expect(text).toContain('Müller & Söhne');
    expect(text).not.toContain('日本');
    if (accounts.some((a) => a.issuer.startsWith('日本銀行'))) expect(text).toMatch(/\?\?\?\? \d+/);
    expect(text.split('\f')[0]).toMatch(/characters this PDF cannot print; they are shown as "\?"/);
  });
});

describe('recovery-codes-only kit', () => {
  let kit: EmergencyKit;
  let d: string;
  beforeAll(() => {
    kit = buildEmergencyKit(accounts, { variant: 'recovery-only', createdAt });
    d = dir();
  });

  it('holds no secret, in the text or anywhere in the file', () => {
    const text = pdfText(kit.pdf, d);
    const bytes = pdfBytesAndStreams(kit.pdf);
    expect(bytes).toContain('tick each one when you use it'); // the streams were inflated
    for (const a of accounts) {
      for (const needle of [a.secretBase32, groupSecret(a.secretBase32), a.uri.slice(0, 40)]) {
        expect(text).not.toContain(needle);
        expect(bytes).not.toContain(needle);
      }
    }
    expect(text).toContain('4000 7100');
    expect(text).toContain('Latchkey recovery codes');
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it('has no QR code', () => {
    expect(kit.qrCodes).toEqual([]);
    for (const png of rasterise(kit.pdf, d)) expect(zbar(png)).toEqual([]);
  });

  it('the full kit of the same accounts does hold the secrets (so the check above can fail)', () => {
    const full = buildEmergencyKit(accounts.slice(0, 3), { variant: 'full', createdAt });
    expect(pdfText(full.pdf, d)).toContain(groupSecret(accounts[0]!.secretBase32));
  });
});

describe('Google Authenticator transfer section', () => {
  it('prints each transfer code large, labelled "part i of n", and zbar reads them back', () => {
    // Google's format has no Steam and only 6 or 8 digits; keep accounts it can carry.
    const some = drafts.filter((dr) => dr.otp.type !== 'steam' && dr.otp.digits !== 7).slice(0, 25);
    const transferUris = encodeMigrationPayloads(some, 10);
    expect(transferUris).toHaveLength(3);
    const kit = buildEmergencyKit(
      some.slice(0, 2).map((dr) => kitAccount(dr)),
      { variant: 'full', createdAt, includeTransferCodes: true, transferUris },
    );
    const d = dir();
    const text = pdfText(kit.pdf, d);
    expect(text).toContain('Google Authenticator transfer codes');
    for (let i = 1; i <= 3; i++) expect(text).toContain(`Transfer code - part ${i} of 3`);
    const found = rasterise(kit.pdf, d).flatMap((p) => zbar(p));
    expect(new Set(found)).toEqual(
      new Set([...some.slice(0, 2).map((dr) => kitAccount(dr).uri), ...transferUris]),
    );
  });

  it('is left out of the recovery-only kit', () => {
    const transferUris = encodeMigrationPayloads(drafts.slice(0, 5), 10);
    const kit = buildEmergencyKit([accounts[0]!], {
      variant: 'recovery-only',
      createdAt,
      includeTransferCodes: true,
      transferUris,
    });
    expect(kit.qrCodes).toEqual([]);
    expect(pdfText(kit.pdf, dir())).not.toContain('transfer');
  });
});

describe('a URI with raw (not percent-encoded) UTF-8', () => {
  it('is encoded as UTF-8 bytes and read back byte for byte', () => {
    const uri = 'otpauth://totp/Jürgen:日本?secret=JBSWY3DPEHPK3PXP&issuer=Jürgen';
    const kit = buildEmergencyKit([{ ...accounts[0]!, issuer: 'Jürgen', name: '日本', uri }], {
      variant: 'full',
      createdAt,
    });
    const pages = rasterise(kit.pdf, dir());
    expect(zbarBinary(pages[1]!)).toBe(uri);
  });
});

describe('long content', () => {
  it('wraps a 256-character name and continues 100 long recovery codes on the next page', () => {
    const codes = Array.from({ length: 100 }, (_, i) => ({
      code: `${String(i).padStart(3, '0')}-${'k7q2'.repeat(12)}`,
      used: i % 9 === 0,
    }));
    const big: KitAccount = {
      ...accounts[1]!,
      issuer: 'Long '.repeat(51).trim(),
      recoveryCodes: codes,
    };
    const kit = buildEmergencyKit([accounts[0]!, big, accounts[2]!], {
      variant: 'full',
      createdAt,
    });
    const text = pdfText(kit.pdf, dir());
    const flat = text.replace(/\s+/g, ' ');
    for (const c of codes) expect(flat).toContain(c.code);
    expect(text).toContain('recovery codes (continued)');
    expect(kit.qrCodes).toHaveLength(3);
  });
});

describe('refusals', () => {
  it('stops with backup.qr-verify-failed when a drawn QR code does not read back', () => {
    // The seam removes every other rectangle after encoding: what would be drawn is damaged.
    const damage = buildEmergencyKitWith.bind(
      null,
      accounts.slice(0, 5),
      { variant: 'full', createdAt },
      {
        filter: (g, text) =>
          text === accounts[3]!.uri
            ? { size: g.size, rects: g.rects.filter((_, i) => i % 2 === 0) }
            : g,
      },
    );
    expect(damage).toThrow(expect.objectContaining({ code: 'backup.qr-verify-failed' }));
  });

  it('stops when a drawn QR code reads back as a different text', () => {
    const other = qrGeometry(accounts[1]!.uri);
    const swap = () =>
      buildEmergencyKitWith(
        accounts.slice(0, 3),
        { variant: 'full', createdAt },
        {
          filter: (g, text) => (text === accounts[0]!.uri ? other : g),
        },
      );
    expect(swap).toThrow(expect.objectContaining({ code: 'backup.qr-verify-failed' }));
  });

  it('refuses a URI too long for any QR code with backup.uri-too-long', () => {
    const long: KitAccount = {
      ...accounts[0]!,
      uri: `otpauth://totp/x?secret=${'A'.repeat(4000)}`,
    };
    expect(() => buildEmergencyKit([long], { variant: 'full', createdAt })).toThrow(
      expect.objectContaining({ code: 'backup.uri-too-long' }),
    );
  });

  it('refuses an empty kit', () => {
    expect(() => buildEmergencyKit([], { variant: 'full', createdAt })).toThrow(
      expect.objectContaining({ code: 'backup.no-accounts' }),
    );
  });

  it('never throws on names the font cannot draw', () => {
    const odd = { ...accounts[0]!, issuer: '🔐 ☃ \u0000\u202e', name: '\ud800 lone surrogate' };
    expect(() => buildEmergencyKit([odd], { variant: 'full', createdAt })).not.toThrow();
  });
});
