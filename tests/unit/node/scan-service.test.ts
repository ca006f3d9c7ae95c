import { describe, expect, it } from 'vitest';
import { decodeBase32 } from '../../../src/core/common/encoding/base32';
import { InMemoryAccountRepository } from './in-memory-account-repository';
import { ScanService } from '../../../src/node/services/scan-service';
import { StagingArea } from '../../../src/node/services/staging-area';
import { threePartExport } from '../../e2e/support/google-export';
import { batchLink } from '../../support/hostile';

// The real 3-part Google Authenticator export from johncallahan/otpauth_migration (transcribed
// in shared/corpora/google_migration), via the end-to-end tests' loader.
function setup() {
  const accounts = new InMemoryAccountRepository();
  const staging = new StagingArea(accounts, { now: () => 1 });
  return { accounts, staging, scan: new ScanService(staging) };
}

const LINK = 'otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP&issuer=ACME';

describe('reading scanned QR texts', () => {
  it('stages an account without writing it, and marks one that already exists', async () => {
    const { accounts, scan } = setup();
    await accounts.add(
      {
        issuer: 'Old',
        name: 'x',
        otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
        secret: decodeBase32('JBSWY3DPEHPK3PXP')!,
      },
      0,
    );
    const view = scan.readTexts([LINK, LINK, 'otpauth://totp/New:y?secret=GEZDGNBVGY3TQOJQ']);
    expect(view.items.map((i) => [i.issuer, i.duplicateOf !== null, i.origin])).toEqual([
      ['ACME', true, 0],
      ['New', false, 2],
    ]);
    expect(accounts.list()).toHaveLength(1);
    expect(JSON.stringify(view)).not.toMatch(/JBSWY3DPEHPK3PXP|GEZDGNBV/);
  });

  it('explains what is not an authenticator secret, and quotes no text that may hold one', () => {
    const { scan } = setup();
    const view = scan.readTexts([
      'https://example.com/login',
      'otpauth://totp/x?secret=NOT!BASE32',
      'x'.repeat(20_000),
    ]);
    expect(view.items).toEqual([]);
    expect(view.problems.map((p) => p.error.code)).toEqual([
      'uri.web-link',
      'uri.secret-invalid',
      'uri.too-long',
    ]);
    expect(view.problems[0]!.excerpt).toBe('https://example.com/login');
    expect(view.problems[1]!.excerpt).toBe('');
  });

  it('tracks the parts of a multi-code Google Authenticator export until all are in', () => {
    const { parts, accounts } = threePartExport();
    const { scan } = setup();
    expect(scan.readTexts([parts[0]!]).batches).toEqual([
      expect.objectContaining({ size: 3, received: [1], missing: [2, 3] }),
    ]);
    expect(scan.readTexts([parts[2]!]).batches).toEqual([
      expect.objectContaining({ size: 3, received: [1, 3], missing: [2] }),
    ]);
    const all = scan.readTexts([parts[1]!]);
    expect(all.batches).toEqual([expect.objectContaining({ received: [1, 2, 3], missing: [] })]);
    expect(all.items).toHaveLength(accounts.length);
    expect(all.items.every((i) => i.source.startsWith('Google Authenticator export, part'))).toBe(
      true,
    );
  });

  it('refuses an export link declaring 2^31−1 parts as a problem, and lists no parts for it (issue 10 finding 1)', () => {
    const { scan } = setup();
    const view = scan.readTexts([batchLink(), LINK]);
    expect(view.problems.map((p) => [p.source, p.error.code])).toEqual([
      ['QR code 1', 'migration.batch-out-of-range'],
    ]);
    expect(view.problems[0]!.error.message).toContain('1 to 100 parts');
    expect(view.batches).toEqual([]);
    expect(view.items.map((i) => i.issuer)).toEqual(['ACME']);
  });

  it('adds only what the user picked, skipping duplicates unless asked to keep both', async () => {
    const { accounts, staging, scan } = setup();
    const view = scan.readTexts([LINK, 'otpauth://totp/B:b?secret=GEZDGNBVGY3TQOJQ']);
    await staging.commit([{ key: view.items[0]!.key, name: 'renamed' }], false);
    expect(accounts.list().map((a) => [a.issuer, a.name])).toEqual([['ACME', 'renamed']]);
    const again = scan.readTexts([LINK]);
    const dup = again.items.find((i) => i.issuer === 'ACME')!;
    expect(dup.duplicateOf).toBe(accounts.list()[0]!.id);
    expect(await staging.commit([{ key: dup.key }], false)).toEqual({ added: [], skipped: 1 });
    await expect(staging.commit([{ key: dup.key }], false)).rejects.toMatchObject({
      code: 'staging.expired',
    });
  });
});
