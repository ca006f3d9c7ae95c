import { describe, expect, it } from 'vitest';
import { InMemoryAccountRepository } from './in-memory-account-repository';
import { ClipboardService } from '../../../src/node/services/clipboard-service';
import { CodesService } from '../../../src/node/services/codes-service';
import type { ClipboardPort, TimerPort } from '../../../src/node/services/ports';

/** An in-memory clipboard and a manual timer: this test is about the wipe rule, not the OS. */
function setup() {
  let content = '';
  const clipboard: ClipboardPort = {
    writeText: async (t) => void (content = t),
    readText: async () => content,
  };
  const pending: (() => void)[] = [];
  const timers: TimerPort = {
    setTimeout: (cb) => pending.push(cb),
    clearTimeout: () => pending.splice(0),
  };
  const now = 59_000;
  const clock = { now: () => now };
  const accounts = new InMemoryAccountRepository();
  const codes = new CodesService(accounts, clock);
  const service = new ClipboardService(clipboard, codes, accounts, clock, timers, 30_000);
  const fire = async () => {
    pending.splice(0).forEach((cb) => cb());
    await new Promise((r) => setTimeout(r, 0));
  };
  return { service, accounts, read: () => content, write: (t: string) => (content = t), fire };
}

// RFC 6238 Appendix B: SHA1 seed at T=59 s → 94287082; the 6-digit code is its last 6 digits.
const draft = {
  issuer: 'A',
  name: 'b',
  otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 } as const,
  secret: new TextEncoder().encode('12345678901234567890'),
};

describe('copying codes', () => {
  it('copies the current code, records the use, and wipes it 30 s later', async () => {
    const { service, accounts, read, fire } = setup();
    const account = await accounts.add(draft, 0);
    const { clearsAt } = await service.copyCode(account.id);
    expect(read()).toBe('287082');
    expect(clearsAt).toBe(59_000 + 30_000);
    expect(accounts.get(account.id).lastUsedAt).toBe(59_000);
    await fire();
    expect(read()).toBe('');
  });

  it('leaves the clipboard alone if the user copied something else meanwhile', async () => {
    const { service, accounts, write, read, fire } = setup();
    const account = await accounts.add(draft, 0);
    await service.copyCode(account.id);
    write('my own text');
    await fire();
    expect(read()).toBe('my own text');
  });
});

describe('wiping at once (lock, quit)', () => {
  it('wipeNow clears our code before the timer, and leaves a later copy of the user alone', async () => {
    const { service, accounts, read, write } = setup();
    const account = await accounts.add(draft, 0);
    await service.copyCode(account.id);
    expect(read()).toBe('287082');
    await service.wipeNow();
    expect(read()).toBe('');
    // The user copied something else after our code: it survives.
    await service.copyCode(account.id);
    write('my own text');
    await service.wipeNow();
    expect(read()).toBe('my own text');
    // Nothing of ours left: a wipe does not touch the clipboard at all.
    write('287082');
    await service.wipeNow();
    expect(read()).toBe('287082');
  });
});
