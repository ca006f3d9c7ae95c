import type { Bridge, Handlers } from '../dispatch';
import type { Services } from '../../services/container';
import { accountHandlers } from './accounts';
import { appHandlers } from './app';
import { backupHandlers } from './backup';
import { reauthHandlers } from './reauth';
import { captureHandlers } from './capture';
import { clipboardHandlers } from './clipboard';
import { codeHandlers } from './codes';
import { fileHandlers } from './files';
import { groupHandlers } from './groups';
import { importHandlers } from './import';
import { pickerHandlers } from './picker';
import { preferencesHandlers } from './preferences';
import { recoveryHandlers } from './recovery';
import { scanHandlers } from './scan';
import { securityHandlers } from './security';
import { sessionHandlers } from './session';
import { settingsHandlers } from './settings';
import { stagingHandlers } from './staging';
import { vaultHandlers } from './vault';

/**
 * Every handler of the contract, one file per operation prefix (`accounts:*` in accounts.ts,
 * typed `HandlersFor<'accounts'>`); `satisfies Handlers` fails the build if one is missing.
 */
export function createHandlers(services: Services): Handlers {
  return {
    ...appHandlers(services),
    ...vaultHandlers(services),
    ...settingsHandlers(services),
    ...securityHandlers(services),
    ...sessionHandlers(services),
    ...preferencesHandlers(services),
    ...pickerHandlers(services),
    ...accountHandlers(services),
    ...groupHandlers(services),
    ...codeHandlers(services),
    ...clipboardHandlers(services),
    ...captureHandlers(services),
    ...fileHandlers(services),
    ...scanHandlers(services),
    ...stagingHandlers(services),
    ...importHandlers(services),
    ...backupHandlers(services),
    ...reauthHandlers(services),
    ...recoveryHandlers(services),
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
