import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../../src/cli/commands/scan';
import { runCli } from '../../../src/cli/run';

const corpora = join(process.cwd(), '..', 'shared', 'corpora');
const DIM13 = join(corpora, 'qr_images', 'dim13_example.png');
const EXPORT2 = join(
  corpora,
  'google_migration/extract_otp_secrets/docs/Exported-QR-codes.converted.png',
);
const NO_OTP = join(
  corpora,
  'google_migration/extract_otp_secrets/tests/data/qr_but_without_otp.png',
);
const MASQUERADE = join(
  corpora,
  'google_migration/extract_otp_secrets/tests/data/text_masquerading_as_image.jpeg',
);
const WEBP = join(corpora, 'google_migration/extract_otp_secrets/docs/Exported-QR-codes.webp');

async function scan(...files: string[]) {
  let stdout = '',
    stderr = '';
  const code = await runCli(['scan', ...files], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => 0,
    env: {},
  });
  return { code, stdout, stderr };
}

/** zbarimg (Debian zbar-tools) is the oracle for what each picture holds. */
function zbar(file: string): string[] {
  const out = execFileSync('zbarimg', ['--quiet', '--raw', file], {
    stdio: ['ignore', 'pipe', 'ignore'],
  }).toString('utf8');
  return out.split('\n').filter(Boolean);
}

function blankPng(): string {
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-scan-'));
  const png = new PNG({ width: 300, height: 200 });
  png.data.fill(255);
  const file = join(dir, 'blank.png');
  writeFileSync(file, PNG.sync.write(png));
  return file;
}

describe('latchkey scan', () => {
  it('prints every code, one per line, images in argument order; exit 0', async () => {
    const result = await scan(DIM13, EXPORT2, NO_OTP);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(zbar(DIM13)[0]);
    expect(lines.slice(1, 3).sort()).toEqual(zbar(EXPORT2).sort());
    expect(lines[1]).toContain('data=CiMK'); // left code first (reading order)
    expect(lines[3]).toBe('NOT A otpauth-migration:// URL');
    expect(lines).toHaveLength(4);
    expect(result.stderr).toBe('');
  });

  it('exits 1 when a picture holds no code, still printing the others, naming the file', async () => {
    const blank = blankPng();
    const result = await scan(blank, DIM13);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`${zbar(DIM13)[0]}\n`);
    expect(result.stderr).toContain(blank);
    expect(result.stderr).toMatch(/no QR code/);
  });

  it('reads the WebP original of the 2-part export like its PNG conversion (same codes as zbarimg finds in the PNG)', async () => {
    const webp = await scan(WEBP);
    expect([webp.code, webp.stderr]).toEqual([0, '']);
    expect(webp.stdout.trimEnd().split('\n').sort()).toEqual(zbar(EXPORT2).sort());
  });

  it('exits 2 for text masquerading as a JPEG, and for a missing file, with a plain message', async () => {
    const masquerade = await scan(MASQUERADE, DIM13);
    expect(masquerade.code).toBe(2);
    expect(masquerade.stdout).toBe(`${zbar(DIM13)[0]}\n`);
    expect(masquerade.stderr).toContain(
      'text_masquerading_as_image.jpeg: This file could not be read as a picture',
    );
    const missing = await scan(join(tmpdir(), 'does-not-exist.png'));
    expect(missing.code).toBe(2);
  });

  it('needs at least one file', async () => {
    expect((await scan()).code).toBe(2);
  });

  it('escapes control characters so a code cannot forge lines or drive the terminal', async () => {
    expect(escapeControls('otpauth://totp/a?secret=JBSWY3DPEHPK3PXP')).toBe(
      'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP',
    );
    expect(escapeControls('a\nb\u001b[2Jc\u2028')).toBe('a\\u{a}b\\u{1b}[2Jc\\u{2028}');
    const dir = mkdtempSync(join(tmpdir(), 'latchkey-scan-'));
    const file = join(dir, 'hostile.png');
    await QRCode.toFile(file, 'first line\nsecond line\u001b[31m', { margin: 4, scale: 4 });
    const result = await scan(file);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('first line\\u{a}second line\\u{1b}[31m\n');
  });
});
