export { importBackup, MAX_BACKUP_BYTES } from './import';
export { detectFormat } from './detect';
export { findDuplicates } from './duplicates';
export type { Duplicate, ExistingAccount } from './duplicates';
export { DEFAULT_KDF_LIMITS } from './crypto';
export type {
  EntryError,
  FailedEntry,
  ImportEntry,
  ImportFormat,
  ImportOptions,
  ImportResult,
  ImportedEntry,
  KdfLimits,
} from '../../common/import-entry/types';
