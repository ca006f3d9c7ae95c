import { describe, expect, it } from 'vitest';
import { decodeBase32 } from '../../../src/core/common/encoding/base32';
import type { ImportProgress } from '../../../src/shared/backup';
import { InMemoryAccountRepository } from './in-memory-account-repository';
import { noDialogs } from '../../../src/node/services/dialog-port';
import { ImportService } from '../../../src/node/services/import-service';
import { StagingArea } from '../../../src/node/services/staging-area';
import { seeded } from '../../support/seeded';

/**
 * Issue 10 finding 4 / issue 16 "imports": a 40,000-link import must stage in time linear in
 * its size, keep main's event loop turning, report progress, and stop when cancelled.
 */

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `count` distinct otpauth links with seeded random 160-bit secrets, each listed once. */
function links(count: number, seed = 7): string[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    let secret = '';
    for (let c = 0; c < 32; c++) secret += BASE32[Math.floor(random() * 32)];
    return `otpauth://totp/Issuer${i}:user${i}?secret=${secret}&issuer=Issuer${i}`;
  });
}

function setup() {
  const accounts = new InMemoryAccountRepository();
  const staging = new StagingArea(accounts, { now: () => 1 });
  const progress: ImportProgress[] = [];
  const events = {
    emit: (name: string, payload: unknown) => {
      if (name === 'import-progress') progress.push(payload as ImportProgress);
    },
  };
  const imports = new ImportService(noDialogs, staging, async () => [], events);
  return { accounts, staging, imports, progress };
}

describe('importing many links', () => {
  it('stages 20,000 links while main keeps running, reporting progress in order', async () => {
    const { imports, progress } = setup();
    const file = imports.openText(links(20_000).join('\n'));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const view = await imports.read(file.token, undefined);
    clearInterval(timer);
    expect(view.items).toHaveLength(20_000);
    expect(ticks).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.token === file.token && p.total === 20_000)).toBe(true);
    const reading = progress.filter((p) => p.phase === 'reading').map((p) => p.done);
    expect(reading).toEqual([...reading].sort((a, b) => a - b));
  });

  it('lists one entry per secret: repeats inside the file collapse, vault duplicates are marked', async () => {
    const { accounts, imports } = setup();
    const list = links(1500);
    const secret = /secret=([A-Z2-7]+)/.exec(list[10]!)![1]!;
    await accounts.add(
      {
        issuer: 'Already',
        name: 'here',
        otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
        secret: decodeBase32(secret)!,
      },
      0,
    );
    const file = imports.openText([...list, ...list.slice(0, 500)].join('\n'));
    const view = await imports.read(file.token, undefined);
    expect(view.items).toHaveLength(1500);
    const marked = view.items.filter((item) => item.duplicateOf !== null);
    expect(marked.map((item) => item.issuer)).toEqual(['Issuer10']);
    expect(marked[0]!.duplicateOf).toBe(accounts.list()[0]!.id);
  });

  it('a cancelled import ends with import.cancelled and leaves nothing staged', async () => {
    const { imports, staging, progress } = setup();
    const file = imports.openText(links(40_000).join('\n'));
    const running = imports.read(file.token, undefined);
    // Cancel as soon as the first progress report shows the work is under way.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (progress.length > 0) {
          clearInterval(poll);
          resolve();
        }
      }, 1);
    });
    imports.cancel(file.token);
    await expect(running).rejects.toMatchObject({ code: 'import.cancelled' });
    expect(staging.list()).toEqual([]);
  });
});
