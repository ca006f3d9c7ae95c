import { jsPDF } from 'jspdf';
import { LatchkeyError } from '../../../shared/errors/index';
import { drawAccount } from './account-block';
import { drawCover } from './cover';
import type { GeometryFilter } from './draw-qr';
import { formatKitDate } from './format';
import { drawTransferCodes as drawTransfer } from './transfer';
import { newPage, stampPages, type KitCanvas } from './page';
import { toPdfText } from './pdf-text';
import type { EmergencyKit, KitAccount, KitOptions } from './types';

/** Test seams: `filter` may damage a QR symbol after encoding to prove verification stops the kit. */
export interface KitSeams {
  readonly filter?: GeometryFilter;
}

/**
 * Builds the printable emergency kit. Pure: no DOM, no Node built-ins; runs in the page and
 * in the CLI. Every QR code is read back before the PDF is returned.
 * @throws LatchkeyError 'backup.no-accounts' | 'backup.uri-too-long' | 'backup.qr-verify-failed'
 */
export function buildEmergencyKit(
  accounts: readonly KitAccount[],
  options: KitOptions,
): EmergencyKit {
  return buildEmergencyKitWith(accounts, options, {});
}

export function buildEmergencyKitWith(
  accounts: readonly KitAccount[],
  options: KitOptions,
  seams: KitSeams,
): EmergencyKit {
  if (accounts.length === 0) throw new LatchkeyError('backup.no-accounts');
  const full = options.variant === 'full';
  const transfer = full && options.includeTransferCodes ? (options.transferUris ?? []) : [];

  const doc = new jsPDF({
    unit: 'mm',
    format: 'a4',
    orientation: 'portrait',
    compress: true,
    putOnlyUsedFonts: true,
  });
  doc.setCreationDate(options.createdAt);
  doc.setDocumentProperties({
    title: full ? 'Latchkey emergency kit' : 'Latchkey recovery codes',
    creator: 'Latchkey',
  });
  const canvas: KitCanvas = { doc, y: 0, qrCodes: [], filter: seams.filter };

  const lossyNames = accounts.some((a) => toPdfText(a.issuer).lossy || toPdfText(a.name).lossy);
  drawCover(canvas, options, {
    accountCount: accounts.length,
    transferParts: transfer.length,
    lossyNames,
  });
  newPage(canvas);
  for (const account of accounts) drawAccount(canvas, account, full);
  if (transfer.length > 0) drawTransfer(canvas, transfer);

  const kind = full ? 'emergency kit' : 'recovery codes';
  stampPages(doc, `Latchkey ${kind} - ${formatKitDate(options.createdAt)} - private: keep it safe`);
  return { pdf: new Uint8Array(doc.output('arraybuffer')), qrCodes: canvas.qrCodes };
}
