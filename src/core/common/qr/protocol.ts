import type { ErrorInfo } from '../../../shared/errors/index';
import type { QrHit, QrRejection, QrScanOptions } from './types';

/** Page → QR worker: one RGBA frame; `buffer` is transferred, not copied. */
export interface QrScanRequest {
  readonly id: number;
  readonly width: number;
  readonly height: number;
  readonly buffer: ArrayBuffer;
  readonly options?: QrScanOptions;
}

/** QR worker → page: the hits in reading order, or why the frame could not be scanned. */
export type QrScanResponse =
  | {
      readonly id: number;
      readonly hits: readonly QrHit[];
      readonly rejected: readonly QrRejection[];
    }
  | { readonly id: number; readonly error: ErrorInfo };
