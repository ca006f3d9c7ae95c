import { describe, expect, it } from 'vitest';
import { AutoLock, type LockReason } from '../../../src/node/services/auto-lock';
import type { TimerPort } from '../../../src/node/services/ports';

/** A hand-driven clock and timer queue: this is about the locking rule, not about waiting. */
function harness(systemIdle: () => number | null = () => null) {
  let now = 0;
  let pending: { at: number; run: () => void } | null = null;
  const timers: TimerPort = {
    setTimeout: (run, ms) => (pending = { at: now + ms, run }),
    clearTimeout: () => (pending = null),
  };
  const locks: LockReason[] = [];
  const autoLock = new AutoLock(
    { now: () => now },
    timers,
    (r) => locks.push(r),
    systemIdle,
    15_000,
  );
  const advance = (ms: number) => {
    const until = now + ms;
    while (pending && pending.at <= until) {
      now = pending.at;
      const { run } = pending;
      pending = null;
      run();
    }
    now = until;
  };
  return { autoLock, locks, advance };
}

describe('auto-lock', () => {
  it('locks once after the configured minutes without user activity', () => {
    const { autoLock, locks, advance } = harness();
    autoLock.arm(5);
    advance(4 * 60_000);
    expect(locks).toEqual([]);
    advance(61_000);
    expect(locks).toEqual(['idle']);
    advance(60 * 60_000);
    expect(locks).toEqual(['idle']);
  });

  it('user activity postpones it', () => {
    const { autoLock, locks, advance } = harness();
    autoLock.arm(1);
    for (let i = 0; i < 10; i++) {
      advance(50_000);
      autoLock.activity();
    }
    expect(locks).toEqual([]);
    advance(75_000);
    expect(locks).toEqual(['idle']);
  });

  it('system idle time counts even when the app saw activity', () => {
    const { autoLock, locks, advance } = harness(() => 600);
    autoLock.arm(5);
    autoLock.activity();
    advance(15_000);
    expect(locks).toEqual(['idle']);
  });

  it('"never" never locks; disarm stops it', () => {
    const { autoLock, locks, advance } = harness();
    autoLock.arm(null);
    advance(24 * 60 * 60_000);
    autoLock.arm(1);
    autoLock.disarm();
    advance(10 * 60_000);
    expect(locks).toEqual([]);
  });

  it('suspend and screen lock lock at once', () => {
    const { autoLock, locks } = harness();
    autoLock.arm(null);
    autoLock.systemEvent('suspend');
    autoLock.systemEvent('screen-lock');
    expect(locks).toEqual(['suspend', 'screen-lock']);
  });
});
