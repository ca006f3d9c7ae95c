/** Pixels handed to the QR reader: RGBA (4 bytes a pixel) or luma (1 byte a pixel), rows top-down. */
export interface QrImage {
  readonly data: Uint8ClampedArray | Uint8Array;
  readonly width: number;
  readonly height: number;
  /** Defaults to 'rgba'. */
  readonly format?: 'rgba' | 'luma';
}

export interface QrPoint {
  readonly x: number;
  readonly y: number;
}

export interface QrBounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One decoded code, in source-image pixel coordinates. */
export interface QrHit {
  /** The decoded text, untrusted: never interpret it here. */
  readonly text: string;
  readonly bounds: QrBounds;
  readonly corners?: {
    readonly topLeft: QrPoint;
    readonly topRight: QrPoint;
    readonly bottomRight: QrPoint;
    readonly bottomLeft: QrPoint;
  };
}

/** A code that decoded but was refused; its text is not kept. */
export interface QrRejection {
  readonly code: 'qr.text-too-long';
  readonly bounds: QrBounds;
  readonly length: number;
}

export interface QrScanResult {
  readonly hits: readonly QrHit[];
  readonly rejected: readonly QrRejection[];
}

export interface QrScanOptions {
  /** Longest text accepted, in UTF-16 code units; longer codes become rejections. Default 4096. */
  readonly maxTextLength?: number;
  /**
   * When nothing was found in a frame of at most 1 megapixel (webcam frames, photos),
   * run jsQR once over the whole frame as a last resort (webcam callers). Default false: it
   * makes frames without a code slower than frames with one.
   */
  readonly wholeFrameFallback?: boolean;
  /** Stop after this many distinct codes. Default 64. */
  readonly maxCodes?: number;
}
