import { drawQr, outerModules, prepareQr } from './draw-qr';
import { describeOtp, groupSecret } from './format';
import { CONTENT_WIDTH, PAGE, ensureRoom, newPage, setFont, type KitCanvas } from './page';
import { toPdfText } from './pdf-text';
import type { KitAccount, KitRecoveryCode } from './types';

/** Smallest printed QR side and module size (mm): ~0.55 mm modules scan well from paper. */
const MIN_QR_SIZE = 38;
const MODULE_MM = 0.55;
const GAP = 5;
const CODE_ROW = 5;

interface InfoLine {
  readonly text: string;
  readonly face: 'helvetica' | 'courier';
  readonly style: 'normal' | 'bold';
  readonly size: number;
  readonly leading: number;
}

/**
 * Draws one account: QR code on the left (full variant), then issuer, account, secret in
 * groups of four, settings, and the recovery codes with tick boxes. Long recovery lists
 * continue on the next page.
 */
export function drawAccount(canvas: KitCanvas, account: KitAccount, withSecrets: boolean): void {
  const { doc } = canvas;
  const geometry = withSecrets ? prepareQr(account.uri, canvas.filter) : undefined;
  const qrSize = geometry ? Math.max(MIN_QR_SIZE, outerModules(geometry) * MODULE_MM) : 0;
  const textX = geometry ? PAGE.margin + qrSize + GAP : PAGE.margin;
  const textWidth = PAGE.width - PAGE.margin - textX;

  const info = infoLines(canvas, account, withSecrets, textWidth);
  const infoHeight = info.reduce((sum, l) => sum + l.leading, 0);
  const firstRow = account.recoveryCodes.length > 0 ? CODE_ROW : 0;
  ensureRoom(canvas, Math.max(qrSize, infoHeight + firstRow) + 4);

  const top = canvas.y;
  if (geometry) {
    drawQr(doc, geometry, PAGE.margin, top, qrSize);
    const page = doc.getNumberOfPages();
    canvas.qrCodes.push({ text: account.uri, page, x: PAGE.margin, y: top, size: qrSize });
  }
  let y = top + 4;
  for (const l of info) {
    setFont(doc, l.face, l.style, l.size);
    doc.text(l.text, textX, y);
    y += l.leading;
  }
  y = drawCodes(canvas, account, account.recoveryCodes, textX, y - 1, textWidth);
  canvas.y = Math.max(y, top + qrSize) + 3;
  doc.setDrawColor(200, 200, 200);
  doc.setLineWidth(0.2);
  doc.line(PAGE.margin, canvas.y - 1.5, PAGE.margin + CONTENT_WIDTH, canvas.y - 1.5);
  canvas.y += 2;
}

function infoLines(
  canvas: KitCanvas,
  account: KitAccount,
  withSecrets: boolean,
  width: number,
): InfoLine[] {
  const { doc } = canvas;
  const lines: InfoLine[] = [];
  const wrap = (
    text: string,
    face: InfoLine['face'],
    style: InfoLine['style'],
    size: number,
    leading: number,
  ) => {
    setFont(doc, face, style, size);
    for (const t of doc.splitTextToSize(text, width) as string[])
      lines.push({ text: t, face, style, size, leading });
  };
  wrap(toPdfText(account.issuer || 'No issuer').text, 'helvetica', 'bold', 12, 5.5);
  if (account.name) wrap(toPdfText(account.name).text, 'helvetica', 'normal', 10, 5);
  if (withSecrets) {
    wrap('Secret key:', 'helvetica', 'normal', 8, 4);
    wrap(groupSecret(account.secretBase32), 'courier', 'bold', 10, 4.5);
    wrap(describeOtp(account.otp), 'helvetica', 'normal', 8.5, 5);
  }
  const count = account.recoveryCodes.length;
  const heading =
    count === 0
      ? 'No recovery codes saved.'
      : `Recovery codes (${count}) - tick each one when you use it:`;
  wrap(heading, 'helvetica', count === 0 ? 'normal' : 'bold', 8.5, 5);
  return lines;
}

/** Writes the tick-box grid; returns the cursor below it. */
function drawCodes(
  canvas: KitCanvas,
  account: KitAccount,
  codes: readonly KitRecoveryCode[],
  x: number,
  startY: number,
  width: number,
): number {
  if (codes.length === 0) return startY;
  const { doc } = canvas;
  setFont(doc, 'courier', 'normal', 9);
  const texts = codes.map((c) => toPdfText(c.code).text);
  const codeWidth = Math.max(...texts.map((t) => doc.getTextWidth(t)));
  const usedWidth = codes.some((c) => c.used) ? 9 : 0;
  const cell = 3 + 1.5 + codeWidth + usedWidth + 5;
  const columns = Math.max(1, Math.floor((width + 5) / cell));
  let y = startY;
  for (let i = 0; i < codes.length; i += columns) {
    if (y + CODE_ROW > PAGE.bottom) {
      newPage(canvas);
      setFont(doc, 'helvetica', 'bold', 9);
      doc.text(`${shortLabel(account)} - recovery codes (continued)`, x, canvas.y + 4);
      y = canvas.y + 6;
    }
    for (let j = i; j < Math.min(i + columns, codes.length); j++) {
      drawCode(canvas, codes[j]!, texts[j]!, x + (j - i) * cell, y, codeWidth);
    }
    y += CODE_ROW;
  }
  return y;
}

/** The account's label cut to fit one line of a continuation heading. */
function shortLabel(account: KitAccount): string {
  const label = toPdfText(account.issuer || account.name || 'Account').text;
  return label.length > 40 ? `${label.slice(0, 39)}...` : label;
}

function drawCode(
  canvas: KitCanvas,
  code: KitRecoveryCode,
  text: string,
  x: number,
  y: number,
  width: number,
): void {
  const { doc } = canvas;
  doc.setDrawColor(0, 0, 0);
  doc.setLineWidth(0.25);
  doc.rect(x, y, 3, 3);
  setFont(doc, 'courier', 'normal', 9);
  doc.setTextColor(code.used ? 120 : 0, code.used ? 120 : 0, code.used ? 120 : 0);
  doc.text(text, x + 4.5, y + 2.6);
  if (code.used) {
    // A used code is ticked and struck through, and says so in words for the colour-blind.
    doc.line(x + 0.5, y + 1.5, x + 1.3, y + 2.5);
    doc.line(x + 1.3, y + 2.5, x + 2.7, y + 0.4);
    doc.line(x + 4.5, y + 1.6, x + 4.5 + width, y + 1.6);
    setFont(doc, 'helvetica', 'normal', 7);
    doc.text('used', x + 4.5 + width + 1.5, y + 2.6);
  }
  doc.setTextColor(0, 0, 0);
}
