import { latchkey } from '../lib/bridge';
import type { AppScreen } from './app-screen';

/** The list screen's buttons to the other screens, and Lock. */
export function MainNav({ canAdd, open }: { canAdd: boolean; open: (screen: AppScreen) => void }) {
  return (
    <nav className="header-actions" aria-label="Main">
      {canAdd && (
        <button
          type="button"
          className="primary"
          data-focus-key="nav-add"
          onClick={() => open('add')}
        >
          Add account
        </button>
      )}
      <button
        type="button"
        className="secondary"
        data-focus-key="nav-backup"
        onClick={() => open('backup')}
      >
        Backup
      </button>
      <button
        type="button"
        className="secondary"
        data-focus-key="nav-settings"
        onClick={() => open('settings')}
      >
        Settings
      </button>
      <button type="button" className="secondary" onClick={() => void latchkey['vault:lock']({})}>
        Lock
      </button>
    </nav>
  );
}
