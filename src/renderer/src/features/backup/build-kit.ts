import type { KitData } from '../../../../shared/backup';
import type { PdfRequest, PdfResponse } from '../../workers/pdf.worker';

/** Builds the kit in a worker, so a 300-account kit never freezes the window. */
export function buildKitPdf(
  data: KitData,
  variant: 'full' | 'recovery-only',
  withTransfer: boolean,
): Promise<Uint8Array> {
  const worker = new Worker(new URL('../../workers/pdf.worker.ts', import.meta.url), {
    type: 'module',
  });
  const request: PdfRequest = {
    accounts: data.accounts,
    options: {
      variant,
      includeTransferCodes: withTransfer && variant === 'full',
      transferUris: data.transferUris,
      createdAt: Date.now(),
    },
  };
  return new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<PdfResponse>) => {
      worker.terminate();
      if ('pdf' in event.data) resolve(event.data.pdf);
      else reject(new Error(event.data.error.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error('The emergency kit could not be built.'));
    };
    worker.postMessage(request);
  });
}
