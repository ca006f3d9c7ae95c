import { dialog, type BrowserWindow } from 'electron';
import type { ImageFilePort } from './services/capture-port';

export function electronImageDialog(window: () => BrowserWindow | null): ImageFilePort {
  return {
    async chooseImage() {
      const options: Electron.OpenDialogOptions = {
        title: 'Choose a picture of a QR code',
        properties: ['openFile'],
        filters: [{ name: 'Pictures', extensions: ['png', 'jpg', 'jpeg', 'webp', 'bmp', 'gif'] }],
      };
      const owner = window();
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
