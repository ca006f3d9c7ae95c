import type { ScanState } from './scan-session';
import { scanImageFile, scanScreens } from './sources';

const MOD = navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl';

/** The buttons for each way in (with their shortcuts), and what the last look is doing or found. */
export function ScanSources({
  busy,
  notice,
  onCamera,
}: {
  busy: ScanState['busy'];
  notice: ScanState['notice'];
  onCamera: () => void;
}) {
  return (
    <div className="card scan-sources">
      <p className="hint">Show the QR code on screen, then:</p>
      <div className="source-buttons">
        <button
          type="button"
          className="primary"
          onClick={() => void scanScreens()}
          aria-keyshortcuts="Control+Shift+S"
        >
          Scan screen <kbd>{MOD}+Shift+S</kbd>
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void scanImageFile()}
          aria-keyshortcuts="Control+O"
        >
          Open picture… <kbd>{MOD}+O</kbd>
        </button>
        <button
          type="button"
          className="secondary"
          onClick={onCamera}
          aria-keyshortcuts="Control+Shift+C"
        >
          Use webcam <kbd>{MOD}+Shift+C</kbd>
        </button>
      </div>
      <p className="hint">
        Or drop a screenshot here, or paste one with <kbd>{MOD}+V</kbd>.
      </p>
      {busy && (
        <p className="hint" role="status" data-testid="scan-busy">
          {busy}
        </p>
      )}
      {notice && (
        <p
          className={notice.tone === 'error' ? 'field-error' : 'hint'}
          role="status"
          data-testid="scan-notice"
        >
          {notice.text}
        </p>
      )}
    </div>
  );
}
