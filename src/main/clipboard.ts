import { clipboard } from 'electron';
import type { ClipboardPort } from '../node/services/ports';

export const electronClipboard: ClipboardPort = {
  writeText: (text) => clipboard.writeText(text),
  readText: () => clipboard.readText(),
};
