import { dialog, type BrowserWindow } from 'electron';
import type { ImageFilePort } from '../node/services/capture-port';
import type { DialogPort } from '../node/services/dialog-port';

export function electronImageDialog(window: () => BrowserWindow | null): ImageFilePort {
  return {
    async chooseImage() {
      const options: Electron.OpenDialogOptions = {
        title: 'Choose a picture of a QR code',
        properties: ['openFile'],
        filters: [{ name: 'Pictures', extensions: ['png', 'jpg', 'jpeg', 'webp', 'bmp', 'gif'] }],
      };
      const owner = window();
      const result = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

const SAVE_FILTERS: Record<'pdf' | 'aegis' | 'uris', Electron.FileFilter[]> = {
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
  aegis: [{ name: 'Aegis backup', extensions: ['json'] }],
  uris: [{ name: 'Text', extensions: ['txt'] }],
};

export function electronDialogs(window: () => BrowserWindow | null): DialogPort {
  const owner = window;
  return {
    async chooseOpen() {
      const options: Electron.OpenDialogOptions = {
        title: 'Choose a backup to import',
        properties: ['openFile'],
      };
      const w = owner();
      const result = w
        ? await dialog.showOpenDialog(w, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSave(suggestedName, kind) {
      const options: Electron.SaveDialogOptions = {
        defaultPath: suggestedName,
        filters: SAVE_FILTERS[kind],
      };
      const w = owner();
      const result = w
        ? await dialog.showSaveDialog(w, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseFolder() {
      const options: Electron.OpenDialogOptions = {
        title: 'Choose a folder for automatic backups',
        properties: ['openDirectory', 'createDirectory'],
      };
      const w = owner();
      const result = w
        ? await dialog.showOpenDialog(w, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
