import type { DialogPort } from '../../../src/node/services/dialog-port';

/**
 * Scripted answers for main's native dialogs (the user picking a file or folder). Everything
 * after the choice — reading, writing, checking — is the app's real code.
 */
export class ScriptedDialogs implements DialogPort {
  open: string | null = null;
  save: string | null = null;
  folder: string | null = null;
  readonly asked: string[] = [];

  async chooseOpen(kind: 'backup') {
    this.asked.push(`open:${kind}`);
    return this.open;
  }
  async chooseSave(suggestedName: string, kind: 'pdf' | 'aegis' | 'uris') {
    this.asked.push(`save:${kind}:${suggestedName}`);
    return this.save;
  }
  async chooseFolder() {
    this.asked.push('folder');
    return this.folder;
  }
}
