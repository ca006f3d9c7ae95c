import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { HashAlgorithm, OtpParams } from '../../../src/shared/account';
import type { AccountDraft } from '../../../src/core/common/model';
import { encodeBase32 } from '../../../src/core/common/encoding/base32';
import { serializeOtpUri } from '../../../src/core/common/uri/index';
import type { KitAccount } from '../../../src/core/common/pdf/index';

export { seeded } from '../../support/seeded';
import { seeded } from '../../support/seeded';

const ISSUERS = [
  'GitHub',
  'Proton Mail',
  'AT&T',
  'Bank: Savings',
  'Müller & Söhne',
  'Łódź Cloud',
  '日本銀行',
  'Ελληνικά',
  'Steam',
];
const NAMES = [
  'alice@example.com',
  'bob smith',
  'carol:work',
  'dévéloppeur',
  'иван@пример.рф',
  'dave',
];
const ALGORITHMS: HashAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];

/** Random drafts over TOTP/HOTP/Steam, all algorithms, names with spaces, '&', ':' and non-ASCII. */
export function randomDrafts(count: number, seed: number): AccountDraft[] {
  const rnd = seeded(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const kind = i % 7 === 3 ? 'steam' : i % 5 === 2 ? 'hotp' : 'totp';
    const algorithm = pick(ALGORITHMS);
    const otp: OtpParams =
      kind === 'steam'
        ? { type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 }
        : kind === 'hotp'
          ? { type: 'hotp', algorithm, digits: pick([6, 8]), counter: Math.floor(rnd() * 1000) }
          : { type: 'totp', algorithm, digits: pick([6, 7, 8]), period: pick([30, 60]) };
    const secret = new Uint8Array(pick([10, 16, 20, 32, 64]));
    for (let b = 0; b < secret.length; b++) secret[b] = Math.floor(rnd() * 256);
    return {
      issuer: `${kind === 'steam' ? 'Steam' : pick(ISSUERS)} ${i}`,
      name: pick(NAMES),
      otp,
      secret,
    };
  });
}

export function kitAccount(
  draft: AccountDraft,
  recoveryCodes: KitAccount['recoveryCodes'] = [],
): KitAccount {
  return {
    issuer: draft.issuer,
    name: draft.name,
    uri: serializeOtpUri(draft),
    secretBase32: encodeBase32(draft.secret),
    otp: draft.otp,
    recoveryCodes,
  };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'latchkey-pdf-'));
}

/** Rasterises every page with poppler (150 dpi) and returns the PNG paths in page order. */
export function rasterise(pdf: Uint8Array, dir: string): string[] {
  const file = join(dir, 'kit.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '150', '-png', file, join(dir, 'page')]);
  return readdirSync(dir)
    .filter((f) => f.startsWith('page') && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}

/** Decodes every QR code in one image with zbar (an independent decoder); one text per code. */
export function zbar(png: string): string[] {
  try {
    const out = execFileSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', png], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\n').filter((l) => l.length > 0);
  } catch (error) {
    // zbarimg exits 4 when it finds no symbol.
    if ((error as { status?: number }).status === 4) return [];
    throw error;
  }
}

/** zbar's raw bytes of the one QR code in an image, read as UTF-8 (no charset guessing). */
export function zbarBinary(png: string): string {
  const out = execFileSync(
    'zbarimg',
    ['--raw', '-q', '-Sbinary', '-Sdisable', '-Sqrcode.enable', png],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  return new TextDecoder('utf-8', { fatal: true }).decode(out);
}

export function pdfText(pdf: Uint8Array, dir: string): string {
  const file = join(dir, 'text.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Raw bytes plus every inflated stream, as Latin-1 text: what a byte search should cover. */
export function pdfBytesAndStreams(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1');
  const parts = [raw];
  const re = /stream\r?\n/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      parts.push(inflateSync(Buffer.from(pdf.subarray(start, end))).toString('latin1'));
    } catch {
      // not a Flate stream
    }
  }
  return parts.join('\n');
}
