export { buildEmergencyKit } from './kit';
export type {
  DrawnQr,
  EmergencyKit,
  KitAccount,
  KitOptions,
  KitRecoveryCode,
  KitVariant,
} from './types';
