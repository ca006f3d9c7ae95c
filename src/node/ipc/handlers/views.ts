import type { SettingsView, VaultStatusView } from '../../../shared/bridge';
import { defaultMessage, type ErrorCode } from '../../../shared/errors';
import type { Services } from '../../services/container';

/** The vault as the page may know it (vault:*, security:*): never a key, never an account. */
export async function statusView(services: Services): Promise<VaultStatusView> {
  const status = await services.vault.status();
  const damagedCode = status.damaged?.code;
  return {
    state: status.state,
    slots: status.slots,
    keychainAvailable: status.keychainAvailable,
    lockedOutUntil: status.lockout?.until ?? null,
    damaged: damagedCode ? { code: damagedCode, message: messageFor(damagedCode) } : null,
  };
}

function messageFor(code: string): string {
  try {
    return defaultMessage(code as ErrorCode) ?? defaultMessage('vault.corrupt');
  } catch {
    return defaultMessage('vault.corrupt');
  }
}

/** The settings the page shows (settings:*, groups:*). */
export function settingsView(services: Services): SettingsView {
  const { autoLockMinutes, contentProtection, sortOrder, density, showNextCode } =
    services.vault.settings();
  const groups = services.organise.groups();
  return { autoLockMinutes, contentProtection, sortOrder, density, showNextCode, groups };
}
