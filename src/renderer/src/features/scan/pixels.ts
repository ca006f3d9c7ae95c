import type { CaptureFrame } from '../../../../shared/bridge';
import { checkPictureHeader } from '../../../../core/common/image/index';
import type { QrBounds } from '../../../../core/common/qr/types';

export interface RgbaFrame {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/**
 * A picture file, dropped or pasted picture: its header is checked first (an accepted format,
 * at most MAX_IMAGE_PIXELS), so a small file declaring a huge canvas never reaches the
 * browser's decoder (issue 10 finding 8). Throws the LatchkeyError naming the problem.
 */
export async function rgbaFromPicture(blob: Blob): Promise<RgbaFrame> {
  checkPictureHeader(new Uint8Array(await blob.arrayBuffer()));
  return rgbaFromBlob(blob);
}

/** Decodes any picture the browser understands (PNG, JPEG, WebP, BMP, GIF) to RGBA. */
export async function rgbaFromBlob(blob: Blob): Promise<RgbaFrame> {
  const bitmap = await createImageBitmap(blob);
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(bitmap, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    return { data, width, height };
  } finally {
    bitmap.close();
  }
}

/** A captured display as RGBA, whichever form main delivered it in. */
export async function rgbaFromCapture(frame: CaptureFrame): Promise<RgbaFrame> {
  if (frame.encoding === 'png')
    return rgbaFromBlob(new Blob([frame.bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
  const data = new Uint8ClampedArray(
    frame.pixels.buffer,
    frame.pixels.byteOffset,
    frame.pixels.byteLength,
  );
  if (frame.encoding === 'bgra') {
    // Swap blue and red in place: the buffer is ours (it arrived over the bridge).
    for (let i = 0; i < data.length; i += 4) {
      const b = data[i]!;
      data[i] = data[i + 2]!;
      data[i + 2] = b;
    }
  }
  return { data, width: frame.width, height: frame.height };
}

/** A small picture of one found code, for the list the user picks from. */
export function thumbnail(frame: RgbaFrame, bounds: QrBounds, size = 96): string {
  const pad = Math.round(Math.max(bounds.width, bounds.height) * 0.1);
  const x = Math.max(0, Math.floor(bounds.x - pad));
  const y = Math.max(0, Math.floor(bounds.y - pad));
  const w = Math.min(frame.width - x, Math.ceil(bounds.width + 2 * pad));
  const h = Math.min(frame.height - y, Math.ceil(bounds.height + 2 * pad));
  const crop = document.createElement('canvas');
  crop.width = size;
  crop.height = size;
  const region = new ImageData(w, h);
  for (let row = 0; row < h; row++) {
    const start = ((y + row) * frame.width + x) * 4;
    region.data.set(frame.data.subarray(start, start + w * 4), row * w * 4);
  }
  const staging = document.createElement('canvas');
  staging.width = w;
  staging.height = h;
  staging.getContext('2d')!.putImageData(region, 0, 0);
  const context = crop.getContext('2d')!;
  context.imageSmoothingEnabled = false;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size, size);
  const scale = Math.min(size / w, size / h);
  context.drawImage(staging, (size - w * scale) / 2, (size - h * scale) / 2, w * scale, h * scale);
  return crop.toDataURL('image/png');
}
