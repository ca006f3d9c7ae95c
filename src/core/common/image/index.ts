export {
  ACCEPTED_IMAGE_FORMATS,
  detectImageFormat,
  isAcceptedFormat,
  readImageHeader,
} from './header';
export type { AcceptedImageFormat, ImageFormat, ImageHeader } from './header';
export { checkPictureHeader, checkPixelCount, MAX_IMAGE_PIXELS } from './check';
