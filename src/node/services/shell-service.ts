import { LatchkeyError } from '../../shared/errors';
import { parseHotkey } from '../../shared/hotkey';
import type { HotkeyStatus, Preferences, PreferencesView } from '../../shared/preferences';
import type { PreferencesStore } from './preferences';
import type { ShellPort } from './shell-port';

export type PreferencesPatch = Partial<Preferences>;

/**
 * Applies the preferences to the running app — the shortcut, start at login, the clipboard
 * wipe — and keeps what is saved and what is in force the same: a shortcut the OS refuses is
 * not saved, and the previous one stays registered.
 */
export class ShellService {
  // Nothing is registered until start() asks the shell.
  #hotkey: HotkeyStatus = { state: 'unavailable' };

  constructor(
    private readonly store: PreferencesStore,
    private readonly shell: ShellPort,
    private readonly applyClipboardDelay: (seconds: number | null) => void,
  ) {}

  /** At start-up: read the file, register the saved shortcut, set the wipe delay. */
  async start(report: (error: LatchkeyError) => void = () => {}): Promise<PreferencesView> {
    const prefs = await this.store.load(report);
    this.#hotkey = this.#register(prefs.hotkey);
    this.applyClipboardDelay(prefs.clipboardClearSeconds);
    // Re-written each start so the entry follows the app if it moved (an AppImage, say).
    if (prefs.startAtLogin && this.shell.capabilities.startAtLogin) {
      await this.shell.setStartAtLogin(true, prefs.startHidden).catch(() => {});
    }
    return this.view();
  }

  get preferences(): Preferences {
    return this.store.current;
  }

  view(): PreferencesView {
    return {
      preferences: this.store.current,
      hotkey: this.#hotkey,
      capabilities: this.shell.capabilities,
    };
  }

  async update(patch: PreferencesPatch): Promise<PreferencesView> {
    const before = this.store.current;
    const next: Preferences = {
      ...before,
      ...patch,
      ...(patch.hotkey !== undefined && {
        hotkey: patch.hotkey === null ? null : parseHotkey(patch.hotkey).accelerator,
      }),
    };
    const hotkeyChanged = next.hotkey !== before.hotkey;
    if (hotkeyChanged) {
      const status = this.#register(next.hotkey);
      if (status.state === 'refused') {
        this.#hotkey = this.#register(before.hotkey);
        throw new LatchkeyError('hotkey.refused', { details: { accelerator: status.accelerator } });
      }
      this.#hotkey = status;
    }
    const loginChanged =
      next.startAtLogin !== before.startAtLogin ||
      (next.startAtLogin && next.startHidden !== before.startHidden);
    if (loginChanged && this.shell.capabilities.startAtLogin) {
      try {
        await this.shell.setStartAtLogin(next.startAtLogin, next.startHidden);
      } catch {
        if (hotkeyChanged) this.#hotkey = this.#register(before.hotkey);
        throw new LatchkeyError('login-item.failed');
      }
    }
    try {
      await this.store.save(next);
    } catch (error) {
      if (hotkeyChanged) this.#hotkey = this.#register(before.hotkey);
      throw error;
    }
    this.applyClipboardDelay(next.clipboardClearSeconds);
    return this.view();
  }

  closePicker(): void {
    this.shell.closePicker();
  }

  #register(accelerator: string | null): HotkeyStatus {
    const outcome = this.shell.setHotkey(accelerator);
    if (accelerator === null) return { state: 'off' };
    if (outcome === 'unavailable') return { state: 'unavailable' };
    return { state: outcome, accelerator };
  }
}
