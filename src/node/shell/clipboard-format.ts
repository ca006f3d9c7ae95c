/**
 * Which "do not keep this" markers go on the clipboard next to a copied code, per platform.
 * The conventions, as their owners document them:
 * - Windows (Microsoft Learn, "Clipboard Formats" → "Cloud Clipboard and Clipboard History
 *   Formats"): `ExcludeClipboardContentFromMonitorProcessing` (any data) keeps the whole entry
 *   out of clipboard history, the cloud clipboard and monitoring apps that honour it;
 *   `CanIncludeInClipboardHistory` and `CanUploadToCloudClipboard` hold a DWORD, 0 = no.
 * - macOS (nspasteboard.org): `org.nspasteboard.ConcealedType` (hide the content) and
 *   `org.nspasteboard.TransientType` (do not record it at all); their presence is the marker.
 * - Linux (KDE Klipper's password-manager hint, also honoured by CopyQ and
 *   gnome-clipboard-history): `x-kde-passwordManagerHint` with the value `secret`.
 * The Electron adapter writes the text and these in ONE clipboard write (src/main/clipboard.ts).
 */

export interface ClipboardMarker {
  /** The platform's own clipboard format name. */
  readonly format: string;
  readonly data: Uint8Array;
}

export type ClipboardPlatform = 'win32' | 'darwin' | 'linux' | 'other';

const DWORD_ZERO = new Uint8Array([0, 0, 0, 0]);
const utf8 = (text: string) => new TextEncoder().encode(text);

export function clipboardPlatform(platform: string): ClipboardPlatform {
  return platform === 'win32' || platform === 'darwin' || platform === 'linux' ? platform : 'other';
}

export function clipboardMarkers(platform: ClipboardPlatform): readonly ClipboardMarker[] {
  switch (platform) {
    case 'win32':
      return [
        { format: 'ExcludeClipboardContentFromMonitorProcessing', data: DWORD_ZERO },
        { format: 'CanIncludeInClipboardHistory', data: DWORD_ZERO },
        { format: 'CanUploadToCloudClipboard', data: DWORD_ZERO },
      ];
    case 'darwin':
      // Presence is what counts; a non-empty payload because some pasteboard bridges drop empty items.
      return [
        { format: 'org.nspasteboard.ConcealedType', data: utf8('1') },
        { format: 'org.nspasteboard.TransientType', data: utf8('1') },
      ];
    case 'linux':
      return [{ format: 'x-kde-passwordManagerHint', data: utf8('secret') }];
    case 'other':
      return [];
  }
}

/**
 * The name Electron's `clipboard.write` uses for a raw platform format (Electron ≥ 44, W3C-style
 * clipboard: `electron application/osclipboard;format="<name>"`, electron/electron#51707).
 */
export function electronRawFormat(format: string): string {
  return `electron application/osclipboard;format="${format}"`;
}
