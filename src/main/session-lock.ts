import { DbusLockWatcher } from '../node/services/session-lock/dbus-lock-watcher';

/**
 * Linux has no Electron `lock-screen` event: follow the session's lock over D-Bus instead
 * (src/node/services/session-lock). Elsewhere powerMonitor's event does it.
 */
export function followLinuxSessionLock(onLock: () => void): void {
  if (process.platform !== 'linux') return;
  const watcher = new DbusLockWatcher({ onLock, log: (message) => console.warn(message) });
  void watcher.start();
}
