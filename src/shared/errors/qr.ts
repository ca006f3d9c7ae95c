/** Problems while reading QR codes from pixels or image files. Owned by src/core/common/qr, src/core/common/image and src/core/node/image. */
export const qrErrorMessages = {
  'qr.text-too-long':
    'A QR code was found, but its text is far too long to be an authenticator link.',
  'qr.image-invalid':
    'The picture handed to the QR reader is damaged (its size does not match its pixels).',
  'qr.image-too-large': 'This picture is too large to scan for QR codes.',
  'qr.image-unreadable':
    'This file could not be read as a picture; it may be damaged or not a picture at all.',
  'qr.image-unsupported': 'This picture format is not supported here; use PNG, JPEG or BMP.',
  'qr.no-code': 'No QR code was found in this picture.',
  'qr.scanner-failed': 'The QR reader stopped unexpectedly. Try again.',
} as const;
export type QrErrorCode = keyof typeof qrErrorMessages;
