/**
 * The video's current picture as pixels, drawn through `canvas` (reused between frames);
 * null while the video has no picture yet.
 */
export function readVideoFrame(v: HTMLVideoElement, canvas: HTMLCanvasElement): ImageData | null {
  if (v.readyState < 2 || v.videoWidth === 0) return null;
  canvas.width = v.videoWidth;
  canvas.height = v.videoHeight;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(v, 0, 0);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}
