import { randomUUID } from 'node:crypto';
import { readFile, rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { OpenedImage } from '../../shared/bridge';
import { LatchkeyError } from '../../shared/errors';
import type { ImageFilePort } from './capture-port';

/** Screenshots of QR codes are secrets; anything above this is not one. */
const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

/** Magic numbers of the picture formats the page can decode. */
function looksLikeImage(bytes: Uint8Array): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  return (
    starts(0x89, 0x50, 0x4e, 0x47) || // PNG
    starts(0xff, 0xd8, 0xff) || // JPEG
    starts(0x47, 0x49, 0x46, 0x38) || // GIF
    starts(0x42, 0x4d) || // BMP
    (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45) // RIFF....WEBP
  );
}

/**
 * Opens a picture the user picked in main's dialog, and later deletes it if the user asks —
 * only a file this service itself opened (the page names it by token, never by path), so the
 * page cannot delete arbitrary files.
 */
export class ImageFiles {
  readonly #offered = new Map<string, string>();

  constructor(private readonly port: ImageFilePort) {}

  async open(): Promise<OpenedImage | null> {
    const path = await this.port.chooseImage();
    if (path === null) return null;
    const info = await stat(path).catch(() => null);
    if (!info || !info.isFile() || info.size > MAX_IMAGE_BYTES)
      throw new LatchkeyError('capture.no-image');
    const bytes = new Uint8Array(await readFile(path));
    if (!looksLikeImage(bytes)) throw new LatchkeyError('capture.no-image');
    const token = randomUUID();
    this.#offered.set(token, path);
    return { token, name: basename(path), bytes };
  }

  async delete(token: string): Promise<void> {
    const path = this.#offered.get(token);
    if (!path) throw new LatchkeyError('files.not-offered');
    this.#offered.delete(token);
    await rm(path, { force: true });
  }
}
