/** Decoded pixels, 4 bytes per pixel in R, G, B, A order, rows top to bottom. */
export interface RgbaImage {
  readonly data: Uint8ClampedArray | Uint8Array;
  readonly width: number;
  readonly height: number;
}
