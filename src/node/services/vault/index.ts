export {
  VaultService,
  ERASE_CONFIRMATION,
  type VaultServiceOptions,
  type VaultStatus,
} from './vault-service';
export { openVaultFileWithPassword, openVaultReadOnly, type ReadOnlyOptions } from './read-only';
export type { KeychainAdapter } from './keychain-adapter';
export type { GenerationInfo } from './file-store';
export type { VaultSettings } from '../../../core/node/vault/database';
