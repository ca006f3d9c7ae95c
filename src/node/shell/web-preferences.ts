/**
 * The web preferences of every Latchkey window (the main window and the quick picker): the
 * renderer is treated as untrusted, so it gets no Node, its own JavaScript world, Chromium's
 * sandbox, and none of the switches Electron's security checklist warns about. Typed without
 * Electron so the unit tests can assert it; src/main passes it to BrowserWindow as is.
 */
export interface SecureWebPreferences {
  readonly preload: string;
  readonly sandbox: true;
  readonly contextIsolation: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly experimentalFeatures: false;
  readonly webviewTag: false;
  readonly navigateOnDragDrop: false;
  readonly spellcheck: false;
  readonly devTools: boolean;
}

export function secureWebPreferences(preload: string, devTools: boolean): SecureWebPreferences {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // A dropped picture is read by the page; the window must never navigate to it.
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools,
  };
}
