import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../src/node/services/container';
import { DbusLockWatcher } from '../../../src/node/services/session-lock/dbus-lock-watcher';
import { tempDir, WEAK } from '../vault/helpers';

/**
 * Against a REAL session bus: a private dbus-daemon started here (what dbus-run-session does),
 * so the test does not depend on whether the runner already has one. The signal is sent by
 * GLib's gdbus, exactly as a screensaver would emit it.
 */
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing = ['dbus-daemon', 'gdbus'].filter((c) => !has(c));

let daemon: ChildProcess | null = null;
let address = '';

async function startBus(): Promise<string> {
  daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    daemon!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    daemon!.on('error', reject);
  });
}

function emit(args: string[]): void {
  const result = spawnSync('gdbus', ['emit', '--session', ...args], {
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: address },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`gdbus emit failed: ${result.stderr}`);
}

const screensaver = (iface: string, active: boolean) => [
  '--object-path',
  iface === 'org.gnome.ScreenSaver' ? '/org/gnome/ScreenSaver' : '/org/freedesktop/ScreenSaver',
  '--signal',
  `${iface}.ActiveChanged`,
  String(active),
];

async function unlockedServices() {
  const { dir, cleanup } = tempDir();
  const services = createServices({
    clipboard: { writeText: async () => {}, readText: async () => '' },
    events: { emit: () => {} },
    dataDir: dir,
    keychain: null,
    appVersion: 'test',
    vaultOptions: WEAK,
  });
  await services.vault.create({ keychain: false, password: 'correct horse battery staple' });
  services.unlocked();
  return { services, cleanup };
}

async function until(check: () => boolean, ms: number): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - started;
}

describe.skipIf(missing.length > 0)(
  `screen lock over a real D-Bus session bus${missing.length ? ` (missing: ${missing.join(', ')})` : ''}`,
  () => {
    beforeAll(async () => {
      address = await startBus();
    });
    afterAll(() => daemon?.kill());

    it.each(['org.freedesktop.ScreenSaver', 'org.gnome.ScreenSaver'])(
      '%s ActiveChanged(true) locks an unlocked vault within one second',
      async (iface) => {
        const { services, cleanup } = await unlockedServices();
        const logs: string[] = [];
        const watcher = new DbusLockWatcher({
          onLock: () => services.autoLock.systemEvent('screen-lock'),
          log: (m) => logs.push(m),
          sessionBusAddress: address,
          // No system bus in this test: it must not matter.
          systemBusAddress: 'unix:path=/nonexistent/latchkey-test-system-bus',
        });
        try {
          expect(await watcher.start()).toEqual({ session: true, system: false });
          expect(services.vault.isUnlocked()).toBe(true);
          emit(screensaver(iface, true));
          const took = await until(() => !services.vault.isUnlocked(), 1000);
          expect(took).toBeLessThan(1000);
        } finally {
          watcher.stop();
          cleanup();
        }
      },
    );

    it('ActiveChanged(false) (the screen coming back) and other interfaces do not lock', async () => {
      let locks = 0;
      const watcher = new DbusLockWatcher({
        onLock: () => locks++,
        log: () => {},
        sessionBusAddress: address,
        systemBusAddress: 'unix:path=/nonexistent/latchkey-test-system-bus',
      });
      try {
        await watcher.start();
        emit(screensaver('org.freedesktop.ScreenSaver', false));
        emit(['--object-path', '/x', '--signal', 'org.example.Other.ActiveChanged', 'true']);
        emit(screensaver('org.gnome.ScreenSaver', true));
        // Signals arrive in order on one connection: once the last one counted, the others were seen.
        await until(() => locks > 0, 1000);
        expect(locks).toBe(1);
      } finally {
        watcher.stop();
      }
    });
  },
);

describe('with no bus at all', () => {
  it('does not crash, reports both buses unavailable and logs once', async () => {
    const logs: string[] = [];
    let locks = 0;
    const watcher = new DbusLockWatcher({
      onLock: () => locks++,
      log: (m) => logs.push(m),
      sessionBusAddress: 'unix:path=/nonexistent/latchkey-no-bus',
      systemBusAddress: 'unix:path=/nonexistent/latchkey-no-system-bus',
    });
    expect(await watcher.start()).toEqual({ session: false, system: false });
    watcher.stop();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/D-Bus session bus is not available/);
    expect(locks).toBe(0);
  });

  it('an unset bus address is the same', async () => {
    const logs: string[] = [];
    const watcher = new DbusLockWatcher({
      onLock: () => {},
      log: (m) => logs.push(m),
      sessionBusAddress: '',
      systemBusAddress: 'unix:path=/nonexistent/latchkey-no-system-bus',
    });
    expect(await watcher.start()).toEqual({ session: false, system: false });
    expect(logs).toHaveLength(1);
  });
});
