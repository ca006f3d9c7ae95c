export {
  decodeMigrationUri,
  decodeBase64Loose,
  MAX_MIGRATION_PARTS,
  MAX_MIGRATION_URI_LENGTH,
} from './decode';
export type { DecodedMigration, MigrationBatch } from './decode';
export { encodeMigrationExport, encodeMigrationPayloads } from './encode';
export type { MigrationExport, SkippedAccount } from './encode';
