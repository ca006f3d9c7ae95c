import { useToast } from '../../ui/Toast';
import { deletePicture, type PictureOnDisk } from './delete-picture';
import { scanSession } from './scan-session';

/** Once a picture file's codes are read, offers to delete it (it is as sensitive as a password). */
export function DeletePictureOffer({ picture }: { picture: PictureOnDisk }) {
  const toast = useToast();
  const deleteFile = async () => {
    scanSession.offerDelete(null);
    await deletePicture(picture, toast);
  };
  return (
    <div className="notice" role="status">
      The codes in <strong>{picture.name}</strong> are read. A picture of a QR code is as sensitive
      as a password.{' '}
      <button type="button" className="secondary small" onClick={() => void deleteFile()}>
        Delete the picture
      </button>{' '}
      <button
        type="button"
        className="secondary small"
        onClick={() => scanSession.offerDelete(null)}
      >
        Keep it
      </button>
    </div>
  );
}
