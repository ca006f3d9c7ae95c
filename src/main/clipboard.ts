import { clipboard, ClipboardItem } from 'electron';
import type { ClipboardPort } from '../node/services/ports';
import {
  clipboardMarkers,
  clipboardPlatform,
  electronRawFormat,
} from '../node/shell/clipboard-format';

const markers = clipboardMarkers(clipboardPlatform(process.platform));

/**
 * The system clipboard. A code goes in ONE atomic write together with the platform's
 * "do not keep" markers (Electron ≥ 44: clipboard.write takes ClipboardItems with raw platform
 * formats, electron/electron#51707), so no clipboard manager ever sees the code without them.
 */
export const electronClipboard: ClipboardPort = {
  writeText: (text) => clipboard.writeText(text),
  writeSecret: (text) =>
    clipboard.write([
      new ClipboardItem({
        'text/plain': text,
        ...Object.fromEntries(
          markers.map((m) => [electronRawFormat(m.format), new Blob([m.data])]),
        ),
      }),
    ]),
  readText: () => clipboard.readText(),
};
