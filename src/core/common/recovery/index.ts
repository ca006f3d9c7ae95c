export { parseRecoveryCodes, RECOVERY_LIMITS } from './parse';
export { LOW_RECOVERY_CODES, summarizeRecoveryCodes, type RecoveryCodeSummary } from './summary';
