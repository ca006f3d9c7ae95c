import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { qrModules } from './qr-images';

/**
 * A YUV4MPEG2 video (the format Chromium's fake camera plays with --use-file-for-fake-video-
 * capture) of a QR code held in front of a camera: it drifts across the picture, some frames
 * are out of focus (box blur) and every frame has sensor noise. Deterministic (seeded noise).
 *
 * Format: "YUV4MPEG2 W.. H.. F..:.. Ip A1:1 C420jpeg\n", then per frame "FRAME\n" and the
 * I420 planes Y (W×H), U and V ((W/2)×(H/2) each).
 */
export interface WebcamVideoOptions {
  readonly width?: number;
  readonly height?: number;
  readonly fps?: number;
  readonly seconds?: number;
  /** Pixels per QR module. */
  readonly scale?: number;
  /** Frames with this index modulo 3 are blurred with this box radius (0 = sharp). */
  readonly blurRadius?: number;
}

export function writeWebcamVideo(
  path: string,
  texts: string | readonly string[],
  options: WebcamVideoOptions = {},
): { frames: number } {
  const { width = 640, height = 480, fps = 10, seconds = 3, scale = 5, blurRadius = 2 } = options;
  const frames = fps * seconds;
  // Several codes (the parts of an export) are held up one after the other, each for an equal share.
  const codes = (typeof texts === 'string' ? [texts] : texts).map((text) => qrModules(text));
  let seed = 0x2545f491;
  const random = () => {
    // xorshift32: the same video on every run.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0x1_0000_0000;
  };
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const parts: Buffer[] = [
    Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`, 'ascii'),
  ];
  const perCode = frames / codes.length;
  for (let f = 0; f < frames; f++) {
    const qr = codes[Math.floor(f / perCode)]!;
    const side = (qr.size + 8) * scale;
    const t = (f % perCode) / Math.max(1, perCode - 1);
    // The card slides in from the left edge: the first frames show only part of it.
    const ox = Math.round(-0.8 * side + t * (width - 0.2 * side - 30));
    const oy = Math.round(10 + Math.sin(t * Math.PI) * Math.max(0, height - side - 20));
    let luma = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        // A dim, uneven room behind the card: a gradient with a stripe pattern.
        luma[y * width + x] = 60 + ((x + 2 * y) % 80) / 2 + (y * 40) / height;
      }
    }
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const row = Math.floor(y / scale) - 4;
        const col = Math.floor(x / scale) - 4;
        const dark = row >= 0 && col >= 0 && row < qr.size && col < qr.size && qr.dark(row, col);
        const px = ox + x;
        const py = oy + y;
        if (px >= 0 && px < width && py >= 0 && py < height)
          luma[py * width + px] = dark ? 30 : 215;
      }
    }
    if (blurRadius > 0 && f % 3 === 1) luma = boxBlur(luma, width, height, blurRadius);
    for (let i = 0; i < luma.length; i++)
      luma[i] = Math.max(0, Math.min(255, luma[i]! + Math.round((random() - 0.5) * 24)));
    parts.push(Buffer.from('FRAME\n', 'ascii'), Buffer.from(luma.buffer), chroma);
  }
  writeFileSync(path, Buffer.concat(parts));
  return { frames };
}

/** Separable box blur (horizontal then vertical), edges clamped. */
function boxBlur(
  src: Uint8Array,
  width: number,
  height: number,
  r: number,
): Uint8Array<ArrayBuffer> {
  const tmp = new Uint8Array(src.length);
  const out = new Uint8Array(src.length);
  const n = 2 * r + 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = -r; k <= r; k++)
        sum += src[y * width + Math.min(width - 1, Math.max(0, x + k))]!;
      tmp[y * width + x] = sum / n;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = -r; k <= r; k++)
        sum += tmp[Math.min(height - 1, Math.max(0, y + k)) * width + x]!;
      out[y * width + x] = sum / n;
    }
  }
  return out;
}

/**
 * The video at a fixed temp path, written only when missing or older than this generator. Chromium
 * is started with the path, so spec files call this when they load (in the runner and in the
 * worker): the bytes are the same every time, and they are renamed into place so a concurrent
 * load never sees half a file.
 */
export function ensureWebcamVideo(
  name: string,
  texts: string | readonly string[],
  options: WebcamVideoOptions = {},
): string {
  const path = join(tmpdir(), `latchkey-e2e-${name}.y4m`);
  const generator = fileURLToPath(import.meta.url);
  if (!existsSync(path) || statSync(path).mtimeMs < statSync(generator).mtimeMs) {
    const partial = `${path}.${process.pid}.part`;
    writeWebcamVideo(partial, texts, options);
    renameSync(partial, path);
  }
  return path;
}
