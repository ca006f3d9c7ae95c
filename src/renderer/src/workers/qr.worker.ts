import type { QrScanRequest, QrScanResponse } from '../../../core/common/qr/protocol';
import { scanQrCodesDetailed } from '../../../core/common/qr/index';
import { isLatchkeyError, LatchkeyError } from '../../../shared/errors/index';

/**
 * The QR pipeline off the page's main thread: one request, one response, matched by id.
 * Frames arrive as transferred RGBA buffers (no copy).
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<QrScanRequest>) => void) | null;
  postMessage(message: QrScanResponse): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, width, height, buffer, options } = event.data;
  try {
    const result = scanQrCodesDetailed(
      { data: new Uint8ClampedArray(buffer), width, height },
      options,
    );
    scope.postMessage({ id, hits: result.hits, rejected: result.rejected });
  } catch (error) {
    const failure = isLatchkeyError(error) ? error : new LatchkeyError('qr.scanner-failed');
    scope.postMessage({ id, error: failure.toInfo() });
  }
};
