/** The QR pixel pipeline: pure, no DOM and no Node, so it runs in a Web Worker and in Node. */
export { scanQrCodes, scanQrCodesDetailed, DEFAULT_MAX_TEXT_LENGTH } from './scan';
export { sortReadingOrder } from './order';
export type {
  QrBounds,
  QrHit,
  QrImage,
  QrPoint,
  QrRejection,
  QrScanOptions,
  QrScanResult,
} from './types';
