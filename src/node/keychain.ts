import { LatchkeyError } from '../shared/errors';
import { KEYCHAIN_SERVICE } from '../core/node/vault/format';
import type { KeychainAdapter } from './services/vault/keychain-adapter';

/**
 * The OS keychain through keytar (macOS Keychain, Windows Credential Manager, Linux Secret
 * Service over D-Bus). keytar is loaded lazily so a machine where its native part cannot load
 * (no libsecret) gets "keychain unavailable" instead of a crash.
 */
type Keytar = typeof import('keytar');

/** How long to wait for a Secret Service that may be waiting on a prompt nobody can see. */
const PROBE_TIMEOUT_MS = 5_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('keychain timed out')), ms);
    timer.unref?.();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Maps keytar's D-Bus / OS errors to one plain, jargon-free failure. */
function unavailable(error: unknown): LatchkeyError {
  const text = error instanceof Error ? error.message : '';
  const reason = /locked/i.test(text)
    ? 'locked'
    : /timed out/.test(text)
      ? 'timeout'
      : 'no-service';
  return new LatchkeyError('vault.keychain-unavailable', {
    ...(reason === 'locked'
      ? {
          message:
            'The system keychain is locked, so Latchkey cannot save its key there. Unlock your keyring (for example by logging in again) or use a password instead.',
        }
      : {}),
    details: { reason },
  });
}

export function createKeytarKeychain(service: string = KEYCHAIN_SERVICE): KeychainAdapter {
  let loaded: Promise<Keytar> | null = null;
  const keytar = (): Promise<Keytar> => {
    loaded ??= import('keytar').then((m) => ((m as { default?: Keytar }).default ?? m) as Keytar);
    return loaded;
  };
  const call = async <T>(run: (k: Keytar) => Promise<T>): Promise<T> => {
    try {
      return await withTimeout(keytar().then(run), PROBE_TIMEOUT_MS);
    } catch (error) {
      throw unavailable(error);
    }
  };
  return {
    get: (account) => call((k) => k.getPassword(service, account)),
    set: (account, value) => call((k) => k.setPassword(service, account, value)),
    delete: (account) => call((k) => k.deletePassword(service, account)),
    async available() {
      try {
        await call((k) => k.getPassword(service, 'availability-probe'));
        return true;
      } catch {
        return false;
      }
    },
  };
}
