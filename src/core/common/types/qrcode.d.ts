// The part of the `qrcode` package that page code uses, typed without Node. @types/qrcode
// starts with `/// <reference types="node" />` (for its stream and file APIs), which would give
// the page program `process` and `Buffer`; tsconfig.web.json maps 'qrcode' to this file instead.
// Node-side code (tsconfig.node.json) keeps @types/qrcode.

export type QRCodeErrorCorrectionLevel =
  'low' | 'medium' | 'quartile' | 'high' | 'L' | 'M' | 'Q' | 'H';

export interface QRCodeOptions {
  version?: number;
  errorCorrectionLevel?: QRCodeErrorCorrectionLevel;
  maskPattern?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

export interface QRCodeRenderersOptions extends QRCodeOptions {
  margin?: number;
  scale?: number;
  width?: number;
  color?: { dark?: string; light?: string };
}

export interface QRCodeToDataURLOptions extends QRCodeRenderersOptions {
  type?: 'image/png' | 'image/jpeg' | 'image/webp';
}

export interface QRCodeSegment {
  data: string | Uint8Array;
  mode: 'alphanumeric' | 'numeric' | 'byte' | 'kanji';
}

export interface BitMatrix {
  size: number;
  get(row: number, col: number): number;
}

export interface QRCode {
  modules: BitMatrix;
  version: number;
  errorCorrectionLevel: unknown;
  maskPattern: number | undefined;
  segments: unknown[];
}

declare const qrcode: {
  create(text: string | QRCodeSegment[], options?: QRCodeOptions): QRCode;
  toDataURL(text: string | QRCodeSegment[], options?: QRCodeToDataURLOptions): Promise<string>;
};
export default qrcode;
