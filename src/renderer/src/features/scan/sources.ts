import { latchkey } from '../../lib/bridge';
import { isLatchkeyError } from '../../../../shared/errors';
import { rgbaFromCapture, rgbaFromPicture } from './pixels';
import { scanSession } from './scan-session';

/** Every display, at native resolution, in one click; decoding happens in the worker. */
export async function scanScreens(): Promise<void> {
  scanSession.setBusy('Looking at your screens…');
  const result = await latchkey['capture:screens']({});
  if (!result.ok) return scanSession.notify('error', result.error.message);
  try {
    const frames = await Promise.all(result.value.frames.map(rgbaFromCapture));
    const what = frames.length === 1 ? 'your screen' : `your ${frames.length} screens`;
    await scanSession.readFrames(frames, what);
  } catch {
    scanSession.notify('error', 'The screen picture could not be read.');
  }
}

/** A picture file chosen in main's dialog (so Latchkey can offer to delete it afterwards). */
export async function scanImageFile(): Promise<void> {
  const result = await latchkey['files:open-image']({});
  if (!result.ok) return scanSession.notify('error', result.error.message);
  if (result.value === null) return;
  const { token, name, bytes } = result.value;
  scanSession.setBusy(`Reading ${name}…`);
  try {
    const frame = await rgbaFromPicture(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    const found = await scanSession.readFrames([frame], name);
    if (found > 0) scanSession.offerDelete({ token, name });
  } catch (error) {
    scanSession.notify(
      'error',
      pictureProblem(error, `${name} is not a picture Latchkey can read.`),
    );
  }
}

/** Pictures dropped on the window or pasted from the clipboard. */
export async function scanBlobs(blobs: readonly Blob[], what: string): Promise<void> {
  const pictures = blobs.filter((b) => b.type.startsWith('image/') || b.type === '');
  if (pictures.length === 0) return scanSession.notify('error', `${what} is not a picture.`);
  scanSession.setBusy('Reading the picture…');
  try {
    const frames = await Promise.all(pictures.map(rgbaFromPicture));
    await scanSession.readFrames(frames, what);
  } catch (error) {
    scanSession.notify(
      'error',
      pictureProblem(
        error,
        `${what} is not a picture Latchkey can read (PNG, JPEG, WebP, BMP or GIF).`,
      ),
    );
  }
}

/** The header check's own message (too large, unsupported format), else the general one. */
function pictureProblem(error: unknown, fallback: string): string {
  return isLatchkeyError(error) && error.code === 'qr.image-too-large' ? error.message : fallback;
}

/** The image files in a drop or paste (DataTransfer), if any. */
export function imagesIn(data: DataTransfer | null): File[] {
  if (!data) return [];
  return [...data.files].filter((f) => f.type.startsWith('image/'));
}
