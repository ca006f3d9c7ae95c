/**
 * Which D-Bus signals mean "the user's session just locked" (Linux has no `lock-screen` event in
 * Electron). Names from the freedesktop specifications:
 * - systemd-logind (org.freedesktop.login1(5)): the session object emits `Lock` on
 *   `org.freedesktop.login1.Session` when the session should lock (loginctl lock-session, the
 *   desktop's lock screen), on the system bus.
 * - The screensaver interface (freedesktop.org idle-inhibition / screensaver spec, and GNOME's
 *   own `org.gnome.ScreenSaver`): `ActiveChanged(b active)` on the session bus; `true` = the
 *   screen saver / lock screen came on.
 */

export interface BusSignal {
  readonly path?: string;
  readonly interface?: string;
  readonly member?: string;
  readonly body?: readonly unknown[];
}

export const SCREENSAVER_INTERFACES = [
  'org.freedesktop.ScreenSaver',
  'org.gnome.ScreenSaver',
] as const;
export const LOGIN1_SESSION_INTERFACE = 'org.freedesktop.login1.Session';

/** The bus match rules to subscribe to, per bus. */
export const SESSION_BUS_MATCHES = SCREENSAVER_INTERFACES.map(
  (iface) => `type='signal',interface='${iface}',member='ActiveChanged'`,
);
export const SYSTEM_BUS_MATCHES = [
  `type='signal',sender='org.freedesktop.login1',interface='${LOGIN1_SESSION_INTERFACE}',member='Lock'`,
];

/**
 * Whether a signal locks Latchkey. A logind `Lock` counts only for our own session when we know
 * it (another user's session locking is none of ours); when we could not learn our session,
 * any `Lock` counts — locking once too often is safe, missing one is not.
 */
export function isLockSignal(signal: BusSignal, ownSession: string | null): boolean {
  if (
    signal.member === 'ActiveChanged' &&
    (SCREENSAVER_INTERFACES as readonly (string | undefined)[]).includes(signal.interface)
  ) {
    const active = signal.body?.[0];
    return active === true || active === 1;
  }
  if (signal.member === 'Lock' && signal.interface === LOGIN1_SESSION_INTERFACE) {
    return ownSession === null || signal.path === ownSession;
  }
  return false;
}
