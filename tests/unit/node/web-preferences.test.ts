import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../src/node/shell/web-preferences';

// Electron's security checklist, items 2–4, 6, 8–10:
// https://www.electronjs.org/docs/latest/tutorial/security
describe('window web preferences', () => {
  const prefs: Record<string, unknown> = { ...secureWebPreferences('/p/preload.cjs', false) };

  it('sandboxed, isolated, no Node anywhere in the page', () => {
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security, refuses insecure content, experimental and Blink features, webviews', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('developer tools only in development', () => {
    expect(prefs.devTools).toBe(false);
    expect(secureWebPreferences('/p', true).devTools).toBe(true);
  });
});
