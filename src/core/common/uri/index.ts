export { parseOtpUri } from './parse';
export { serializeOtpUri } from './serialize';
export { draftFromManualEntry } from './manual';
export type { UriField } from './fields';
export type { UriWarning, UriWarningCode } from './warnings';
