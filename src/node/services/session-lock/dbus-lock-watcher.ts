import * as dbus from '@homebridge/dbus-native';
import {
  isLockSignal,
  SESSION_BUS_MATCHES,
  SYSTEM_BUS_MATCHES,
  type BusSignal,
} from './lock-signals';

/** The part of @homebridge/dbus-native this uses (its own typings omit createClient). */
interface Bus {
  readonly connection: {
    on(event: 'message', listener: (message: BusSignal & { type?: number }) => void): void;
    on(event: 'error' | 'end', listener: (error?: Error) => void): void;
    end(): void;
  };
  addMatch(rule: string, callback: (error: unknown) => void): void;
  invoke(message: object, callback: (error: unknown, value?: unknown) => void): void;
}
const createClient = (dbus as unknown as { createClient(o: { busAddress: string }): Bus })
  .createClient;

const SIGNAL = 4; // D-Bus message type 4 = signal
const ANSWER_MS = 3000;
const SYSTEM_BUS_DEFAULT = 'unix:path=/var/run/dbus/system_bus_socket';

export interface LockWatcherOptions {
  /** Called for every lock signal; the caller locks the vault. */
  readonly onLock: () => void;
  /** One line when a bus cannot be used (at most once per watcher); never a secret. */
  readonly log: (message: string) => void;
  readonly sessionBusAddress?: string | undefined;
  readonly systemBusAddress?: string | undefined;
}

/**
 * Listens on the session bus (screensaver ActiveChanged) and the system bus (logind Session.Lock)
 * for the session locking. A missing or refusing bus is logged once and otherwise ignored: the
 * app works without it, it just cannot follow the screen lock.
 */
export class DbusLockWatcher {
  readonly #buses: Bus[] = [];
  #logged = false;
  #ownSession: string | null = null;

  constructor(private readonly options: LockWatcherOptions) {}

  /** Resolves once each bus is subscribed or known to be unavailable; never rejects. */
  async start(): Promise<{ session: boolean; system: boolean }> {
    const session = await this.#listen(
      'session',
      this.options.sessionBusAddress ?? process.env.DBUS_SESSION_BUS_ADDRESS,
      SESSION_BUS_MATCHES,
    );
    const systemBus = await this.#listen(
      'system',
      this.options.systemBusAddress ?? process.env.DBUS_SYSTEM_BUS_ADDRESS ?? SYSTEM_BUS_DEFAULT,
      SYSTEM_BUS_MATCHES,
    );
    if (systemBus) this.#ownSession = await this.#sessionPath(systemBus);
    return { session: session !== null, system: systemBus !== null };
  }

  stop(): void {
    for (const bus of this.#buses.splice(0)) {
      try {
        bus.connection.end();
      } catch {
        // Already closed.
      }
    }
  }

  #unavailable(which: string, error: unknown): void {
    if (this.#logged) return;
    this.#logged = true;
    const reason = error instanceof Error ? error.message : String(error);
    this.options.log(
      `latchkey: the D-Bus ${which} bus is not available (${reason}); locking the screen will not lock Latchkey through it`,
    );
  }

  async #listen(
    which: string,
    address: string | undefined,
    rules: readonly string[],
  ): Promise<Bus | null> {
    if (!address) {
      this.#unavailable(which, new Error('no bus address'));
      return null;
    }
    let bus: Bus;
    try {
      bus = createClient({ busAddress: address });
    } catch (error) {
      this.#unavailable(which, error);
      return null;
    }
    return new Promise((resolve) => {
      let settled = false;
      // A socket that accepts but never answers must not hold start-up.
      const timer = setTimeout(() => settle(null, new Error('no answer')), ANSWER_MS);
      timer.unref?.();
      const settle = (value: Bus | null, error?: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (value) this.#buses.push(value);
        else {
          this.#unavailable(which, error);
          try {
            bus.connection.end();
          } catch {
            // The socket never opened.
          }
        }
        resolve(value);
      };
      // Errors after start (the bus went away) must not crash the app either.
      bus.connection.on('error', (error) => settle(null, error));
      bus.connection.on('message', (message) => {
        if (message.type === SIGNAL && isLockSignal(message, this.#ownSession))
          this.options.onLock();
      });
      let pending = rules.length;
      for (const rule of rules) {
        bus.addMatch(rule, (error) => {
          if (error) return settle(null, new Error('the bus refused the subscription'));
          if (--pending === 0) settle(bus);
        });
      }
    });
  }

  /** Our logind session's object path, so another user's lock is not ours. */
  #sessionPath(bus: Bus): Promise<string | null> {
    return new Promise((resolve) => {
      bus.invoke(
        {
          destination: 'org.freedesktop.login1',
          path: '/org/freedesktop/login1',
          interface: 'org.freedesktop.login1.Manager',
          member: 'GetSessionByPID',
          signature: 'u',
          body: [process.pid],
        },
        (error, path) => resolve(!error && typeof path === 'string' ? path : null),
      );
    });
  }
}
