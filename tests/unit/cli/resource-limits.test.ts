import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchLink, declaredPng } from '../../support/hostile';
import { ensureCliBundle, CLI_BUNDLE } from '../../support/cli-bundle';

/**
 * Issue 10 acceptance, measured on the built command as a separate process: the hostile inputs
 * that once took ~28 s and aborted (2^31−1-part export link) or allocated 5.3 GB (a PNG declaring
 * a huge canvas) are refused with exit 2 and a specific message, under 2 s and 300 MB. The peak
 * resident size is the kernel's ru_maxrss of that process, read in its own exit handler.
 */

const dir = mkdtempSync(join(tmpdir(), 'latchkey-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PRELOAD = join(dir, 'measure.cjs');
writeFileSync(
  PRELOAD,
  `process.on('exit', () => require('node:fs').writeFileSync(process.env.LATCHKEY_MEASURE, String(process.resourceUsage().maxRSS)));\n`,
);

interface Measured {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
  peakMb: number;
}

function measure(args: string[]): Promise<Measured> {
  const out = join(dir, `rss-${Math.random()}`);
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--require', PRELOAD, CLI_BUNDLE, ...args],
      { env: { ...process.env, LATCHKEY_MEASURE: out }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        const peakMb = Number(readFileSync(out, 'utf8')) / 1024;
        resolve({ code, stdout, stderr, seconds, peakMb });
      },
    );
  });
}

describe('hostile inputs through the built CLI (issue 10 acceptance)', () => {
  beforeAll(ensureCliBundle, 120_000);

  it('latchkey import of a file holding a 2^31−1-part export link: exit 2, specific message, < 2 s, < 300 MB', async () => {
    const file = join(dir, 'hostile-export.txt');
    writeFileSync(file, `${batchLink()}\n`);
    const result = await measure(['import', file]);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(
      /part 1 of 2147483647 QR codes; a real export has 1 to 100 parts/,
    );
    expect(result.seconds).toBeLessThan(2);
    expect(result.peakMb).toBeLessThan(300);
  });

  it('latchkey scan of a PNG declaring 30,000 × 30,000 pixels: exit 2 naming the size limit, < 2 s, < 300 MB', async () => {
    const file = join(dir, 'huge.png');
    writeFileSync(file, declaredPng(30_000, 30_000));
    const result = await measure(['scan', file]);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain('30000 × 30000 pixels');
    expect(result.stderr).toContain('the limit is 50 megapixels');
    expect(result.seconds).toBeLessThan(2);
    expect(result.peakMb).toBeLessThan(300);
  });
});
