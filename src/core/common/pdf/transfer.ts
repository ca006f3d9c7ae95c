import { drawQr, prepareQr } from './draw-qr';
import { CONTENT_WIDTH, PAGE, newPage, paragraph, setFont, type KitCanvas } from './page';

/** Transfer codes hold ten accounts each: printed large, two to a page. */
const TRANSFER_QR_SIZE = 100;

/** Google Authenticator `otpauth-migration://` codes, in order, each labelled "part i of n". */
export function drawTransferCodes(canvas: KitCanvas, uris: readonly string[]): void {
  const { doc } = canvas;
  newPage(canvas);
  setFont(doc, 'helvetica', 'bold', 14);
  doc.text('Google Authenticator transfer codes', PAGE.margin, canvas.y + 2);
  setFont(doc, 'helvetica', 'normal', 10);
  canvas.y +=
    8 +
    paragraph(
      doc,
      'In Google Authenticator choose Transfer accounts, then Import accounts, and scan these codes in order. Each code carries up to ten accounts.',
      PAGE.margin,
      canvas.y + 8,
      CONTENT_WIDTH,
      5,
    );
  uris.forEach((uri, i) => {
    const geometry = prepareQr(uri, canvas.filter);
    if (canvas.y + TRANSFER_QR_SIZE + 10 > PAGE.bottom) newPage(canvas);
    setFont(doc, 'helvetica', 'bold', 11);
    doc.text(`Transfer code - part ${i + 1} of ${uris.length}`, PAGE.margin, canvas.y + 4);
    const x = (PAGE.width - TRANSFER_QR_SIZE) / 2;
    const y = canvas.y + 6;
    drawQr(doc, geometry, x, y, TRANSFER_QR_SIZE);
    canvas.qrCodes.push({ text: uri, page: doc.getNumberOfPages(), x, y, size: TRANSFER_QR_SIZE });
    canvas.y = y + TRANSFER_QR_SIZE + 6;
  });
}
