import type { Bridge, Handlers } from '../dispatch';
import type { Services } from '../../services/container';
import { accountHandlers } from './accounts';
import { backupHandlers } from './backup';
import { reauthHandlers } from './reauth';
import { codeHandlers } from './codes';
import { scanHandlers } from './scan';
import { vaultHandlers } from './vault';

/** Every handler of the contract; `satisfies Handlers` fails the build if one is missing. */
export function createHandlers(services: Services): Handlers {
  return {
    'app:info': () => ({ name: 'Latchkey', version: services.appVersion }),
    ...vaultHandlers(services),
    ...accountHandlers(services),
    ...codeHandlers(services),
    ...scanHandlers(services),
    ...backupHandlers(services),
    ...reauthHandlers(services),
  } satisfies Handlers;
}

/**
 * What `dispatch` runs in the app, the test bridge and the benchmarks: every handler, and the
 * gate that enforces each operation's policy from the contract (vault state, re-authentication).
 */
export function createBridge(services: Services): Bridge {
  return {
    handlers: createHandlers(services),
    gate: {
      isUnlocked: () => services.vault.isUnlocked(),
      verifyReauth: (proof, reason) => services.reauth.verify(proof, reason),
    },
  };
}
