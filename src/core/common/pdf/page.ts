import type { jsPDF } from 'jspdf';
import type { DrawnQr } from './types';
import { toPdfText } from './pdf-text';
import type { GeometryFilter } from './draw-qr';

/** A4 portrait, millimetres. */
export const PAGE = {
  width: 210,
  height: 297,
  margin: 15,
  top: 20,
  bottom: 281,
} as const;

export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

export type FontStyle = 'normal' | 'bold';
export type FontFace = 'helvetica' | 'courier';

/** The state of one kit being laid out: the document, the cursor and what was drawn. */
export interface KitCanvas {
  readonly doc: jsPDF;
  /** Cursor: the top of the next thing to draw on the current page, in mm. */
  y: number;
  readonly qrCodes: DrawnQr[];
  readonly filter?: GeometryFilter;
}

/** Starts a new page and puts the cursor at its top. */
export function newPage(canvas: KitCanvas): void {
  canvas.doc.addPage('a4', 'portrait');
  canvas.y = PAGE.top;
}

/** Breaks the page when `height` mm no longer fit below the cursor. */
export function ensureRoom(canvas: KitCanvas, height: number): void {
  if (canvas.y + height > PAGE.bottom) newPage(canvas);
}

export function setFont(doc: jsPDF, face: FontFace, style: FontStyle, sizePt: number): void {
  doc.setFont(face, style);
  doc.setFontSize(sizePt);
}

/** Writes one line of (already Latin-1-safe or user) text; baseline at y. */
export function line(doc: jsPDF, text: string, x: number, y: number): void {
  doc.text(toPdfText(text).text, x, y);
}

/** Wraps `text` to `width` mm in the current font and writes it; returns the height used. */
export function paragraph(
  doc: jsPDF,
  text: string,
  x: number,
  y: number,
  width: number,
  leading: number,
): number {
  const lines = doc.splitTextToSize(toPdfText(text).text, width) as string[];
  lines.forEach((l, i) => doc.text(l, x, y + i * leading));
  return lines.length * leading;
}

/** Header and "Page X of Y" on every page, written once the page count is known. */
export function stampPages(doc: jsPDF, header: string): void {
  const total = doc.getNumberOfPages();
  for (let page = 1; page <= total; page++) {
    doc.setPage(page);
    setFont(doc, 'helvetica', 'normal', 8);
    doc.setTextColor(90, 90, 90);
    doc.text(header, PAGE.margin, 10);
    doc.setDrawColor(170, 170, 170);
    doc.setLineWidth(0.2);
    doc.line(PAGE.margin, 12, PAGE.width - PAGE.margin, 12);
    doc.text(`Page ${page} of ${total}`, PAGE.width / 2, 290, { align: 'center' });
    doc.setTextColor(0, 0, 0);
  }
}
