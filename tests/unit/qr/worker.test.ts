import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QrScanRequest, QrScanResponse } from '../../../src/core/common/qr/protocol';
import type { QrHit } from '../../../src/core/common/qr/types';

// The page's worker and its client, wired together in-process: a stand-in Worker class hands
// each posted message to the real worker module's onmessage (as a browser would, after
// transferring the buffers) and routes the replies back.

interface WorkerSelf {
  onmessage: ((event: { data: QrScanRequest }) => void) | null;
  postMessage: (message: QrScanResponse) => void;
}
const workerSelf: WorkerSelf = { onmessage: null, postMessage: () => undefined };
const transfers: unknown[][] = [];

class InProcessWorker {
  onmessage: ((event: { data: QrScanResponse }) => void) | null = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  constructor(readonly url: URL) {
    workerSelf.postMessage = (message) => queueMicrotask(() => this.onmessage?.({ data: message }));
  }
  postMessage(message: QrScanRequest, transfer: unknown[]): void {
    transfers.push(transfer);
    queueMicrotask(() => workerSelf.onmessage?.({ data: message }));
  }
  terminate(): void {}
}

interface Scanner {
  scan(image: { data: Uint8ClampedArray; width: number; height: number }): Promise<QrHit[]>;
  dispose(): void;
}
let createQrScanner: () => Scanner;

// The renderer files are DOM-typed (tsconfig.web.json); load them by a computed path so this
// Node-typed test does not pull them into the Node type check.
const renderer = '../../../src/renderer/src';

beforeAll(async () => {
  Object.assign(globalThis, { self: workerSelf, Worker: InProcessWorker });
  await import(/* @vite-ignore */ `${renderer}/workers/qr.worker`);
  ({ createQrScanner } = (await import(
    /* @vite-ignore */ `${renderer}/features/scan/qr-client`
  )) as {
    createQrScanner: () => Scanner;
  });
});

function frameWithCode(text: string) {
  const width = 300,
    height = 300,
    m = 4;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (!qr.modules.data[r * n + c]) continue;
      for (let y = 0; y < m; y++) {
        for (let x = 0; x < m; x++) {
          const o = ((40 + r * m + y) * width + 40 + c * m + x) * 4;
          data[o] = data[o + 1] = data[o + 2] = 0;
        }
      }
    }
  }
  return { data, width, height };
}

describe('QR worker and page client', () => {
  it('scans a frame, transferring its own buffer', async () => {
    const scanner = createQrScanner();
    const frame = frameWithCode('otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP');
    const hits = await scanner.scan(frame);
    expect(hits.map((h) => h.text)).toEqual(['otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP']);
    expect(transfers.at(-1)).toEqual([frame.data.buffer]);
    scanner.dispose();
  });

  it('copies a view into a larger buffer instead of transferring someone else’s memory', async () => {
    const scanner = createQrScanner();
    const frame = frameWithCode('otpauth://totp/C:d?secret=JBSWY3DPEHPK3PXQ');
    const big = new Uint8ClampedArray(frame.data.length + 16);
    big.set(frame.data, 16);
    const view = big.subarray(16);
    const hits = await scanner.scan({ data: view, width: frame.width, height: frame.height });
    expect(hits).toHaveLength(1);
    expect(transfers.at(-1)![0]).not.toBe(big.buffer);
    scanner.dispose();
  });

  it('rejects with a typed error for a damaged frame, and after dispose', async () => {
    const scanner = createQrScanner();
    await expect(
      scanner.scan({ data: new Uint8ClampedArray(8), width: 50, height: 50 }),
    ).rejects.toMatchObject({
      code: 'qr.image-invalid',
    });
    const pending = scanner.scan(frameWithCode('x'));
    scanner.dispose();
    await expect(pending).rejects.toMatchObject({ code: 'qr.scanner-failed' });
  });
});
