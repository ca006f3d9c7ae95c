import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { CaptureFrame } from '../../../src/shared/bridge';
import type { ScreenCapturePort } from '../../../src/node/services/capture-port';
import { crop, readPng, type Rgb } from './qr-images';

const run = promisify(execFile);

/**
 * Grabs the whole root window of an X display with ImageMagick's `import` — a real screen
 * grabber reading the X server's framebuffer, as desktopCapturer does in the app.
 */
export async function grabRootWindow(display: string): Promise<Buffer> {
  const { stdout } = await run('import', ['-display', display, '-window', 'root', 'png:-'], {
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** The capture port over a real display: one frame, the grab's PNG, as main would send it. */
export function xScreenCapture(display: string): ScreenCapturePort & { readonly grabs: number } {
  let grabs = 0;
  return {
    get grabs() {
      return grabs;
    },
    async captureAll(): Promise<CaptureFrame[]> {
      const bytes = await grabRootWindow(display);
      grabs++;
      const { width, height } = readPng(bytes);
      return [
        {
          id: `x11:${display}`,
          label: `Display ${display}`,
          width,
          height,
          encoding: 'png',
          bytes: new Uint8Array(bytes),
        },
      ];
    },
  };
}

/** A rectangle of the grabbed screen that stands for one monitor (pad fills what lies outside it). */
export interface Monitor {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly encoding: 'png' | 'bgra' | 'rgba';
  readonly pad?: Rgb;
}

/**
 * Several monitors out of one real grab: each is a window of the root-window picture, delivered
 * as a PNG (a screen grabber's output) or as raw BGRA/RGBA (desktopCapturer's bitmap).
 */
export function xMultiMonitorCapture(
  display: string,
  monitors: readonly Monitor[],
): ScreenCapturePort & { readonly grabs: number } {
  let grabs = 0;
  return {
    get grabs() {
      return grabs;
    },
    async captureAll(): Promise<CaptureFrame[]> {
      const screen = readPng(await grabRootWindow(display));
      grabs++;
      return monitors.map((m, i): CaptureFrame => {
        const picture = crop(screen, m.x, m.y, m.width, m.height, m.pad);
        const base = {
          id: `x11:${display}:${i}`,
          label: `Screen ${i + 1}`,
          width: m.width,
          height: m.height,
        };
        if (m.encoding === 'png')
          return { ...base, encoding: 'png', bytes: new Uint8Array(picture.png()) };
        const pixels = new Uint8Array(picture.data);
        if (m.encoding === 'bgra') {
          for (let p = 0; p < pixels.length; p += 4)
            [pixels[p], pixels[p + 2]] = [pixels[p + 2]!, pixels[p]!];
        }
        return { ...base, encoding: m.encoding, pixels };
      });
    },
  };
}
