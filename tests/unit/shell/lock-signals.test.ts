import { describe, expect, it } from 'vitest';
import { isLockSignal } from '../../../src/node/services/session-lock/lock-signals';

const own = '/org/freedesktop/login1/session/_32';

describe('which D-Bus signals lock Latchkey', () => {
  it.each([
    [{ interface: 'org.freedesktop.ScreenSaver', member: 'ActiveChanged', body: [true] }, true],
    [{ interface: 'org.gnome.ScreenSaver', member: 'ActiveChanged', body: [true] }, true],
    [{ interface: 'org.freedesktop.ScreenSaver', member: 'ActiveChanged', body: [false] }, false],
    [{ interface: 'org.freedesktop.ScreenSaver', member: 'ActiveChanged', body: [] }, false],
    [{ interface: 'org.example.Other', member: 'ActiveChanged', body: [true] }, false],
    [{ interface: 'org.freedesktop.login1.Session', member: 'Lock', path: own }, true],
    [{ interface: 'org.freedesktop.login1.Session', member: 'Unlock', path: own }, false],
    // Another user's session locking is none of ours.
    [
      {
        interface: 'org.freedesktop.login1.Session',
        member: 'Lock',
        path: '/org/freedesktop/login1/session/c2',
      },
      false,
    ],
  ])('%j → %s', (signal, expected) => expect(isLockSignal(signal, own)).toBe(expected));

  it('any logind Lock counts when our own session is unknown (locking once too often is safe)', () => {
    expect(
      isLockSignal(
        { interface: 'org.freedesktop.login1.Session', member: 'Lock', path: '/x' },
        null,
      ),
    ).toBe(true);
  });
});
