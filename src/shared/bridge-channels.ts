/**
 * The names of every bridge operation and event. Kept free of schemas so the preload bundle
 * stays tiny; `bridge.ts` pairs each name with its argument schema and result type, and a
 * type-level check there keeps the two lists identical.
 */
export const OPERATION_NAMES = [
  'app:info',
  'vault:status',
  'vault:create',
  'vault:unlock',
  'vault:lock',
  'vault:restore-generation',
  'settings:get',
  'settings:update',
  'security:set-password',
  'security:remove-password',
  'security:enable-keychain',
  'security:sign-out-device',
  'security:erase-all',
  'session:activity',
  'preferences:get',
  'preferences:update',
  'picker:close',
  'accounts:list',
  'accounts:add-uri',
  'accounts:add-manual',
  'accounts:update',
  'accounts:reorder',
  'accounts:remove',
  'accounts:undo-remove',
  'codes:list',
  'codes:snapshot',
  'codes:next-hotp',
  'clipboard:copy-code',
  'capture:screens',
  'capture:camera',
  'files:open-image',
  'files:delete-image',
  'scan:read-texts',
  'staging:view',
  'staging:add',
  'staging:reset',
  'import:open-file',
  'import:open-text',
  'import:read',
  'import:cancel',
  'backup:status',
  'backup:kit-data',
  'backup:save-pdf',
  'backup:export-aegis',
  'backup:export-uris',
  'backup:transfer-codes',
  'backup:set-auto',
  'recovery:set',
  'recovery:reveal',
  'recovery:mark',
  'recovery:remove',
] as const;

export const EVENT_NAMES = [
  'accounts-changed',
  'locked',
  'link-staged',
  'picker-opened',
  'import-progress',
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];
