import { latchkey } from '../../lib/bridge';
import type { ShowToast } from '../../ui/Toast';

export interface PictureOnDisk {
  readonly token: string;
  readonly name: string;
}

/** Deletes the scanned picture the user chose (main holds its path), and says how it went. */
export async function deletePicture(picture: PictureOnDisk, toast: ShowToast): Promise<void> {
  const result = await latchkey['files:delete-image']({ token: picture.token });
  if (result.ok) toast(`Deleted ${picture.name}`);
  else toast(result.error.message, 'error');
}
