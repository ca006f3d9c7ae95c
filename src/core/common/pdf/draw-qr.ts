import type { jsPDF } from 'jspdf';
import { QUIET_ZONE, qrGeometry, type QrGeometry } from './qr-geometry';
import { verifyQr } from './qr-verify';

/** A hook for tests to damage the geometry between encoding and drawing (see kit.ts). */
export type GeometryFilter = (geometry: QrGeometry, text: string) => QrGeometry;

/** Encodes, (optionally) alters, and reads back one QR symbol before anything is drawn. */
export function prepareQr(text: string, filter?: GeometryFilter): QrGeometry {
  const encoded = qrGeometry(text);
  const geometry = filter ? filter(encoded, text) : encoded;
  verifyQr(geometry, text);
  return geometry;
}

/** Modules per side including the quiet zone. */
export function outerModules(geometry: QrGeometry): number {
  return geometry.size + 2 * QUIET_ZONE;
}

interface RawWriter {
  readonly internal: { readonly write?: (...parts: string[]) => void };
}

const num = (n: number) => String(Math.round(n * 10000) / 10000);

/**
 * Draws `geometry` so that its outer square (quiet zone included) fills `size` mm at (x, y).
 * One transformation matrix maps module units to the page, so every rectangle is written as
 * small integers ("12 3 4 1 re") and the whole symbol is a single fill: this keeps the
 * content stream, and therefore the PDF, small.
 */
export function drawQr(doc: jsPDF, geometry: QrGeometry, x: number, y: number, size: number): void {
  const module = size / outerModules(geometry);
  const write = (doc as unknown as RawWriter).internal.write;
  if (!write) {
    // jsPDF without its raw writer: same rectangles, public API, bigger output.
    doc.setFillColor(0, 0, 0);
    for (const r of geometry.rects) {
      const left = x + (r.x + QUIET_ZONE) * module;
      const top = y + (r.y + QUIET_ZONE) * module;
      doc.rect(left, top, r.w * module, r.h * module, 'F');
    }
    return;
  }
  const k = doc.internal.scaleFactor;
  const pageHeight = doc.internal.pageSize.getHeight();
  const originX = (x + QUIET_ZONE * module) * k;
  const originY = (pageHeight - y - QUIET_ZONE * module) * k;
  const ops = [
    `q 0 g ${num(module * k)} 0 0 ${num(-module * k)} ${num(originX)} ${num(originY)} cm`,
  ];
  for (const r of geometry.rects) ops.push(`${r.x} ${r.y} ${r.w} ${r.h} re`);
  ops.push('f Q');
  write.call(doc.internal, ops.join('\n'));
}
