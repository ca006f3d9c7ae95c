import { GifReader } from 'omggif';
import { checkPixelCount } from '../../common/image/index';
import type { RgbaImage } from './types';

/**
 * GIF (first frame only, as browsers show a still) with omggif, the decoder jimp uses. The
 * logical screen was checked against the pixel cap from the header; a frame may declare its own
 * size, and omggif allocates one byte per frame pixel, so that size is checked too. Transparent
 * pixels stay alpha 0 (the QR reader composites over white).
 */
export function decodeGif(bytes: Uint8Array): RgbaImage | null {
  const reader = new GifReader(bytes);
  if (reader.numFrames() === 0) return null;
  const frame = reader.frameInfo(0);
  checkPixelCount(frame.width, frame.height);
  const data = new Uint8Array(reader.width * reader.height * 4);
  reader.decodeAndBlitFrameRGBA(0, data);
  return { data, width: reader.width, height: reader.height };
}
