import { describe, expect, it } from 'vitest';
import {
  clipboardMarkers,
  clipboardPlatform,
  electronRawFormat,
} from '../../../src/node/shell/clipboard-format';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('clipboard markers per platform', () => {
  it('Windows: out of clipboard history, the cloud clipboard and monitors (Microsoft Learn, Clipboard Formats)', () => {
    const markers = clipboardMarkers('win32');
    expect(markers.map((m) => m.format)).toEqual([
      'ExcludeClipboardContentFromMonitorProcessing',
      'CanIncludeInClipboardHistory',
      'CanUploadToCloudClipboard',
    ]);
    // The two "Can…" formats are a DWORD; 0 means "no".
    for (const m of markers.slice(1)) expect([...m.data]).toEqual([0, 0, 0, 0]);
  });

  it('macOS: concealed and transient (nspasteboard.org)', () => {
    const markers = clipboardMarkers('darwin');
    expect(markers.map((m) => m.format)).toEqual([
      'org.nspasteboard.ConcealedType',
      'org.nspasteboard.TransientType',
    ]);
    for (const m of markers) expect(m.data.length).toBeGreaterThan(0);
  });

  it('Linux: x-kde-passwordManagerHint = secret (Klipper, CopyQ, gnome-clipboard-history)', () => {
    const [hint, ...rest] = clipboardMarkers('linux');
    expect(rest).toEqual([]);
    expect(hint?.format).toBe('x-kde-passwordManagerHint');
    expect(text(hint!.data)).toBe('secret');
  });

  it('anything else: no markers, rather than made-up ones', () => {
    expect(clipboardMarkers(clipboardPlatform('freebsd'))).toEqual([]);
    expect(clipboardPlatform('win32')).toBe('win32');
  });

  it("names raw formats the way Electron's clipboard.write expects", () => {
    expect(electronRawFormat('x-kde-passwordManagerHint')).toBe(
      'electron application/osclipboard;format="x-kde-passwordManagerHint"',
    );
  });
});
