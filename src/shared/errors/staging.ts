/** Problems with scanned or imported accounts waiting to be added. */
export const stagingErrorMessages = {
  'staging.expired':
    'These found accounts are no longer waiting to be added. Scan or import again.',
  'capture.unavailable': 'The screens could not be captured.',
  'capture.permission-denied':
    'Latchkey is not allowed to record the screen. On macOS, open System Settings → Privacy & Security → Screen Recording, turn on Latchkey, then restart it.',
  'capture.no-image': 'That file is not a picture Latchkey can read (PNG, JPEG, WebP, BMP or GIF).',
  'files.not-offered': 'That file can no longer be deleted from here.',
} as const;
export type StagingErrorCode = keyof typeof stagingErrorMessages;
