import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SettingsView, VaultStatusView } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { useToast } from '../toast/Toast';
import { PasswordField } from '../../ui/PasswordField';
import { vaultStore } from '../vault/vault-store';
import { ErrorText } from '../../lib/ErrorText';

const AUTO_LOCK_CHOICES: readonly (number | null)[] = [1, 2, 5, 10, 15, 30, 60, null];

export function Settings({ status, onClose }: { status: VaultStatusView; onClose: () => void }) {
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const toast = useToast();
  const autoLockId = useId();
  const protectionId = useId();

  useEffect(() => {
    void latchkey['settings:get']({}).then((r) => r.ok && setSettings(r.value));
  }, []);

  const update = async (patch: Parameters<(typeof latchkey)['settings:update']>[0]) => {
    const before = settings;
    // Show the choice at once; main's answer confirms it (or puts it back).
    setSettings((current) => (current ? ({ ...current, ...patch } as SettingsView) : current));
    const result = await latchkey['settings:update'](patch);
    if (!result.ok) {
      setSettings(before);
      return toast(result.error.message, 'error');
    }
    setSettings(result.value);
    toast('Saved');
  };
  const setAutoLock = (value: string) =>
    update({ autoLockMinutes: value === 'never' ? null : Number(value) });

  return (
    <section className="settings" aria-labelledby="settings-title">
      <header className="screen-header">
        <h2 id="settings-title">Settings</h2>
        <button type="button" className="secondary" onClick={onClose}>
          Done
        </button>
      </header>

      <div className="card">
        <h3>Locking</h3>
        <div className="field">
          <label htmlFor={autoLockId}>Lock after this long without use</label>
          <select
            id={autoLockId}
            value={settings ? String(settings.autoLockMinutes ?? 'never') : '5'}
            onChange={(e) => void setAutoLock(e.target.value)}
          >
            {AUTO_LOCK_CHOICES.map((m) => (
              <option key={String(m)} value={String(m ?? 'never')}>
                {m === null ? 'Never' : m === 1 ? '1 minute' : `${m} minutes`}
              </option>
            ))}
          </select>
          <p className="hint">Latchkey also locks when the computer sleeps or the screen locks.</p>
        </div>
        <div className="choice">
          <input
            id={protectionId}
            type="checkbox"
            checked={settings?.contentProtection ?? true}
            onChange={(e) => void update({ contentProtection: e.target.checked })}
          />
          <label htmlFor={protectionId}>Hide Latchkey from screenshots and screen sharing</label>
          <p className="hint">Works on Windows and macOS; Linux does not offer it.</p>
        </div>
      </div>

      <PasswordSection status={status} />
      <DeviceSection status={status} />
      <EraseSection />
    </section>
  );
}

function PasswordSection({ status }: { status: VaultStatusView }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const has = status.slots.password;

  const reset = () => {
    setCurrent('');
    setNext('');
    setRepeat('');
    setError(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== repeat) return setError('The two new passwords are not the same.');
    const result = await latchkey['security:set-password']({
      newPassword: next,
      ...(has && { currentPassword: current }),
    });
    if (!result.ok) return setError(result.error.message);
    vaultStore.setStatus(result.value);
    reset();
    toast(has ? 'Password changed' : 'Password set');
  };

  const remove = async () => {
    const result = await latchkey['security:remove-password']({ currentPassword: current });
    if (!result.ok) return setError(result.error.message);
    vaultStore.setStatus(result.value);
    reset();
    toast('Password removed');
  };

  return (
    <form
      className="card"
      onSubmit={(e) => void save(e)}
      noValidate
      aria-labelledby="password-title"
    >
      <h3 id="password-title">{has ? 'Password' : 'Set a password'}</h3>
      {!has && (
        <p className="hint">
          A password opens your vault even if this computer’s keychain is lost.
        </p>
      )}
      {has && (
        <PasswordField
          label="Current password"
          value={current}
          onChange={setCurrent}
          autoComplete="current-password"
        />
      )}
      <PasswordField
        label={has ? 'New password' : 'Password'}
        value={next}
        onChange={setNext}
        autoComplete="new-password"
      />
      <PasswordField
        label="Repeat the new password"
        value={repeat}
        onChange={setRepeat}
        autoComplete="new-password"
      />
      <ErrorText message={error} testId="password-error" />
      <div className="form-actions">
        {has && status.slots.keychain && (
          <button
            type="button"
            className="secondary danger"
            disabled={current === ''}
            onClick={() => void remove()}
          >
            Remove password
          </button>
        )}
        <button type="submit" className="primary" disabled={next === '' || (has && current === '')}>
          {has ? 'Change password' : 'Set password'}
        </button>
      </div>
    </form>
  );
}

function DeviceSection({ status }: { status: VaultStatusView }) {
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);

  const enable = async () => {
    const result = await latchkey['security:enable-keychain']({});
    if (!result.ok) return toast(result.error.message, 'error');
    vaultStore.setStatus(result.value);
    toast('Latchkey now opens automatically on this device');
  };
  const signOut = async () => {
    const result = await latchkey['security:sign-out-device']({});
    if (!result.ok) return toast(result.error.message, 'error');
    vaultStore.setStatus(result.value);
  };

  return (
    <div className="card" aria-labelledby="device-title">
      <h3 id="device-title">This device</h3>
      {status.slots.keychain ? (
        <>
          <p className="hint">
            Latchkey opens automatically here, with a key kept in this computer’s keychain.
          </p>
          {!status.slots.password ? (
            <p className="hint">Set a password first: signing out removes the only other way in.</p>
          ) : confirming ? (
            <div className="form-actions">
              <span className="hint">
                Sign out and lock now? You will need your password to open Latchkey.
              </span>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                Cancel
              </button>
              <button type="button" className="primary danger" onClick={() => void signOut()}>
                Sign out
              </button>
            </div>
          ) : (
            <div className="form-actions">
              <button type="button" className="secondary" onClick={() => setConfirming(true)}>
                Sign out of this device
              </button>
            </div>
          )}
        </>
      ) : (
        <>
          <p className="hint">
            {status.keychainAvailable
              ? 'Open Latchkey without a password on this computer, using its keychain.'
              : 'This computer’s keychain (a Secret Service such as GNOME Keyring or KWallet) is not available, so Latchkey cannot open automatically here.'}
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="secondary"
              disabled={!status.keychainAvailable}
              onClick={() => void enable()}
            >
              Open automatically on this device
            </button>
          </div>
        </>
      )}
    </div>
  );
}

function EraseSection() {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const erase = async (event: FormEvent) => {
    event.preventDefault();
    const result = await latchkey['security:erase-all']({ confirmation: text });
    if (!result.ok) return setError(result.error.message);
    vaultStore.setStatus(result.value);
  };
  return (
    <form
      className="card danger-zone"
      onSubmit={(e) => void erase(e)}
      noValidate
      aria-labelledby="erase-title"
    >
      <h3 id="erase-title">Erase all data</h3>
      <p className="hint">
        Deletes every account, the saved copies and this device’s key. Without a backup or an
        emergency kit, you will lose access to sites that ask for these codes.
      </p>
      <div className="field">
        <label htmlFor={id}>Type ERASE to confirm</label>
        <input id={id} value={text} autoComplete="off" onChange={(e) => setText(e.target.value)} />
      </div>
      <ErrorText message={error} />
      <div className="form-actions">
        <button type="submit" className="primary danger" disabled={text !== 'ERASE'}>
          Erase everything
        </button>
      </div>
    </form>
  );
}
