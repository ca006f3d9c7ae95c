import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBundle } from '../../support/cli-bundle';
import { latchkey } from './cli-harness';

/**
 * Issue 15 §4: `latchkey scan` reads what the app reads (the shared list in
 * src/core/common/image): besides PNG/JPEG/BMP, WebP and GIF — an animated GIF by its first
 * frame. The pictures are made from a corpus QR code by ImageMagick; zbarimg reading the
 * original PNG is the oracle.
 */

const QR = resolve(__dirname, '../../../../shared/corpora/qr_images/dim13_example.png');
const work = mkdtempSync(join(tmpdir(), 'latchkey-cli-scan-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(async () => ensureCliBundle(), 120_000);

const convert = (...args: string[]) => execFileSync('convert', args, { stdio: 'pipe' });

describe('scan reads every picture format the app reads', () => {
  const expected = execFileSync('zbarimg', ['--quiet', '--raw', QR], { encoding: 'utf8' });

  it('WebP (lossless) and GIF give the same text as zbarimg on the PNG', () => {
    const webp = join(work, 'qr.webp');
    const gif = join(work, 'qr.gif');
    convert(QR, '-define', 'webp:lossless=true', webp);
    convert(QR, gif);
    const result = latchkey(['scan', webp, gif]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected + expected);
  });

  it('an animated GIF is read by its first frame', () => {
    const blank = join(work, 'blank.png');
    const qrFirst = join(work, 'qr-first.gif');
    const blankFirst = join(work, 'blank-first.gif');
    convert(QR, '-fill', 'white', '-colorize', '100', blank);
    convert('-delay', '50', QR, blank, '-loop', '0', qrFirst);
    convert('-delay', '50', blank, QR, '-loop', '0', blankFirst);
    expect(latchkey(['scan', qrFirst])).toMatchObject({ code: 0, stdout: expected });
    const second = latchkey(['scan', blankFirst]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/no QR code found/);
  });
});
