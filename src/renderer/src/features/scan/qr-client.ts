import type { QrScanRequest, QrScanResponse } from '../../../../core/common/qr/protocol';
import type { QrHit, QrScanOptions } from '../../../../core/common/qr/types';
import { LatchkeyError } from '../../../../shared/errors/index';

export interface QrScanner {
  /**
   * Finds every QR code in the frame, in reading order. The frame's pixel buffer is transferred
   * to the worker when it owns the whole buffer (the caller's ImageData is then detached);
   * otherwise it is copied first. Webcam callers may pass `{ wholeFrameFallback: true }`.
   */
  scan(
    image: ImageData | { data: Uint8ClampedArray; width: number; height: number },
    options?: QrScanOptions,
  ): Promise<QrHit[]>;
  /** Stops the worker; pending scans reject with `qr.scanner-failed`. */
  dispose(): void;
}

interface Pending {
  resolve(hits: QrHit[]): void;
  reject(error: LatchkeyError): void;
}

/** Starts the QR worker (Vite module-worker syntax) and returns a typed client for it. */
export function createQrScanner(): QrScanner {
  const worker = new Worker(new URL('../../workers/qr.worker.ts', import.meta.url), {
    type: 'module',
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const failAll = () => {
    for (const p of pending.values()) p.reject(new LatchkeyError('qr.scanner-failed'));
    pending.clear();
  };
  worker.onmessage = (event: MessageEvent<QrScanResponse>) => {
    const response = event.data;
    const waiting = pending.get(response.id);
    if (!waiting) return;
    pending.delete(response.id);
    if ('error' in response) {
      waiting.reject(new LatchkeyError(response.error.code, { message: response.error.message }));
    } else {
      waiting.resolve([...response.hits]);
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failAll();
  };
  return {
    scan(image, options) {
      const { data, width, height } = image;
      const owns = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
      const buffer = owns && data.buffer instanceof ArrayBuffer ? data.buffer : data.slice().buffer;
      const id = nextId++;
      const request: QrScanRequest = options
        ? { id, width, height, buffer, options }
        : { id, width, height, buffer };
      return new Promise<QrHit[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage(request, [buffer]);
      });
    },
    dispose() {
      worker.terminate();
      failAll();
    },
  };
}
