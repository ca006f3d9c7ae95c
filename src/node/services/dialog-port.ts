/** Native file dialogs (Electron's `dialog` in the app; scripted choices in tests). */
export interface DialogPort {
  /** A file to import; null when the user cancels. */
  chooseOpen(kind: 'backup'): Promise<string | null>;
  /** Where to save an export; null when the user cancels. */
  chooseSave(suggestedName: string, kind: 'pdf' | 'aegis' | 'uris'): Promise<string | null>;
  /** A folder for automatic backups; null when the user cancels. */
  chooseFolder(): Promise<string | null>;
}

export const noDialogs: DialogPort = {
  chooseOpen: async () => null,
  chooseSave: async () => null,
  chooseFolder: async () => null,
};
