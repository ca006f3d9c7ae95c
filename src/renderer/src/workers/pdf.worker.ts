/// <reference lib="webworker" />
import { buildEmergencyKit } from '../../../core/common/pdf';
import type { KitAccount, KitOptions } from '../../../core/common/pdf/types';
import { isLatchkeyError } from '../../../shared/errors';

/** Builds (and verifies) the emergency kit off the UI thread; the PDF bytes are transferred back. */
export interface PdfRequest {
  readonly accounts: readonly KitAccount[];
  readonly options: Omit<KitOptions, 'createdAt'> & { readonly createdAt: number };
}
export type PdfResponse =
  | { readonly pdf: Uint8Array }
  | { readonly error: { readonly code: string; readonly message: string } };

self.onmessage = (event: MessageEvent<PdfRequest>) => {
  const { accounts, options } = event.data;
  try {
    const kit = buildEmergencyKit(accounts, { ...options, createdAt: new Date(options.createdAt) });
    const pdf = kit.pdf;
    (self as unknown as Worker).postMessage({ pdf } satisfies PdfResponse, [
      pdf.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    const info = isLatchkeyError(error)
      ? { code: error.code, message: error.message }
      : { code: 'backup.qr-verify-failed', message: 'The emergency kit could not be built.' };
    (self as unknown as Worker).postMessage({ error: info } satisfies PdfResponse);
  }
};
