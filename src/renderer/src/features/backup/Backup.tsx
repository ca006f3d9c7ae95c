import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Account } from '../../../../shared/account';
import type { BackupStatusView } from '../../../../shared/backup';
import type { VaultStatusView } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { useToast } from '../toast/Toast';
import { PasswordField } from '../../ui/PasswordField';
import { buildKitPdf } from './build-kit';
import { ImportBackup } from './ImportBackup';
import { proofFrom, Reauth, type ReauthState } from './Reauth';
import { TransferCodes } from './TransferCodes';

const emptyReauth: ReauthState = { password: '', confirmed: false };

export function Backup({
  status,
  accounts,
  onClose,
}: {
  status: VaultStatusView;
  accounts: readonly Account[];
  onClose: () => void;
}) {
  const [backup, setBackup] = useState<BackupStatusView | null>(null);
  const refresh = () => void latchkey['backup:status']({}).then((r) => r.ok && setBackup(r.value));
  useEffect(refresh, []);

  return (
    <section className="settings" aria-labelledby="backup-title">
      <header className="screen-header">
        <h2 id="backup-title">Backup and import</h2>
        <button type="button" className="secondary" onClick={onClose}>
          Done
        </button>
      </header>
      {backup && (
        <p className="hint" data-testid="last-backup">
          {backup.lastBackup
            ? `Last backup: ${new Date(backup.lastBackup.at).toLocaleString()} (${backup.lastBackup.kind}).`
            : 'No backup yet.'}{' '}
          {backup.changedSinceBackup && 'Your accounts changed since then.'}
        </p>
      )}
      <KitSection status={status} accounts={accounts} onSaved={refresh} />
      <AegisSection status={status} onSaved={refresh} />
      <TransferCodes status={status} />
      <UrisSection status={status} onSaved={refresh} />
      {backup && <AutoBackupSection backup={backup} onChange={setBackup} />}
      <ImportBackup />
    </section>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className="card" role="group" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </div>
  );
}

function KitSection({
  status,
  accounts,
  onSaved,
}: {
  status: VaultStatusView;
  accounts: readonly Account[];
  onSaved: () => void;
}) {
  const [variant, setVariant] = useState<'full' | 'recovery-only'>('full');
  const [transfer, setTransfer] = useState(false);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [reauth, setReauth] = useState<ReauthState>(emptyReauth);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const toast = useToast();
  const chosen = accounts.filter((a) => !excluded.has(a.id));
  const proof = proofFrom(status, reauth);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!proof) return;
    setError(null);
    setBusy('Checking…');
    const all = chosen.length === accounts.length;
    const data = await latchkey['backup:kit-data']({
      reauth: proof,
      accountIds: all ? null : chosen.map((a) => a.id),
      transfer,
    });
    if (!data.ok) {
      setBusy(null);
      return setError(data.error.message);
    }
    setBusy('Building and checking every QR code…');
    try {
      const pdf = await buildKitPdf(data.value, variant, transfer);
      setBusy('Saving…');
      const saved = await latchkey['backup:save-pdf']({
        token: data.value.token,
        pdf,
        allAccounts: all,
      });
      if (!saved.ok) return setError(saved.error.message);
      if (saved.value.saved) {
        toast('Emergency kit saved. Print it and keep it somewhere safe.');
        setReauth(emptyReauth);
        onSaved();
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The emergency kit could not be built.');
    } finally {
      setBusy(null);
    }
  };

  return (
    <Section title="Printable emergency kit (PDF)">
      <form onSubmit={(e) => void save(e)} noValidate className="stack">
        <p className="hint">
          Each account’s QR code, its setup key and its recovery codes, on paper. Anyone holding it
          can sign in as you: store it like cash.
        </p>
        <fieldset className="choices">
          <legend>What to print</legend>
          <label className="inline">
            <input
              type="radio"
              name="variant"
              checked={variant === 'full'}
              onChange={() => setVariant('full')}
            />{' '}
            Everything (QR codes, setup keys, recovery codes)
          </label>
          <label className="inline">
            <input
              type="radio"
              name="variant"
              checked={variant === 'recovery-only'}
              onChange={() => setVariant('recovery-only')}
            />{' '}
            Recovery codes only (no secrets)
          </label>
          {variant === 'full' && (
            <label className="inline">
              <input
                type="checkbox"
                checked={transfer}
                onChange={(e) => setTransfer(e.target.checked)}
              />{' '}
              Add Google Authenticator transfer codes (move everything to a phone in one scan)
            </label>
          )}
        </fieldset>
        <details>
          <summary>
            Accounts ({chosen.length} of {accounts.length})
          </summary>
          <ul className="plain-list">
            {accounts.map((a) => (
              <li key={a.id}>
                <label className="inline">
                  <input
                    type="checkbox"
                    checked={!excluded.has(a.id)}
                    onChange={() =>
                      setExcluded((s) => {
                        const next = new Set(s);
                        if (!next.delete(a.id)) next.add(a.id);
                        return next;
                      })
                    }
                  />{' '}
                  {a.issuer || a.name}{' '}
                  {a.issuer && a.name && <span className="hint">{a.name}</span>}
                </label>
              </li>
            ))}
          </ul>
        </details>
        <Reauth status={status} state={reauth} onChange={setReauth} error={error} />
        {busy && (
          <p className="hint" role="status">
            {busy}
          </p>
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="primary"
            disabled={!proof || chosen.length === 0 || busy !== null}
          >
            Save emergency kit…
          </button>
        </div>
      </form>
    </Section>
  );
}

function AegisSection({ status, onSaved }: { status: VaultStatusView; onSaved: () => void }) {
  const [pw, setPw] = useState('');
  const [repeat, setRepeat] = useState('');
  const [reauth, setReauth] = useState<ReauthState>(emptyReauth);
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const proof = proofFrom(status, reauth);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!proof) return;
    if (pw !== repeat) return setError('The two backup passwords are not the same.');
    const result = await latchkey['backup:export-aegis']({ reauth: proof, backupPassword: pw });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    if (result.value.saved) {
      toast('Encrypted backup saved');
      setPw('');
      setRepeat('');
      setReauth(emptyReauth);
      onSaved();
    }
  };
  return (
    <Section title="Encrypted backup file (Aegis format)">
      <form onSubmit={(e) => void save(e)} noValidate className="stack">
        <p className="hint">
          A password-protected file that Latchkey and Aegis (Android) can import.
        </p>
        <PasswordField
          label="Backup password"
          value={pw}
          onChange={setPw}
          autoComplete="new-password"
        />
        <PasswordField
          label="Repeat the backup password"
          value={repeat}
          onChange={setRepeat}
          autoComplete="new-password"
        />
        <Reauth status={status} state={reauth} onChange={setReauth} error={error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!proof || pw === ''}>
            Save encrypted backup…
          </button>
        </div>
      </form>
    </Section>
  );
}

function UrisSection({ status, onSaved }: { status: VaultStatusView; onSaved: () => void }) {
  const [understood, setUnderstood] = useState(false);
  const [reauth, setReauth] = useState<ReauthState>(emptyReauth);
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const proof = proofFrom(status, reauth);
  const id = useId();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!proof) return;
    const result = await latchkey['backup:export-uris']({ reauth: proof });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    if (result.value.saved) {
      toast('Links saved. Delete the file once you have used it.');
      setReauth(emptyReauth);
      onSaved();
    }
  };
  return (
    <Section title="Plain list of links (not encrypted)">
      <form onSubmit={(e) => void save(e)} noValidate className="stack">
        <p className="notice notice-danger">
          This file holds every secret in the clear: anyone who reads it can generate your codes.
          Use it only to move to another app, then delete it.
        </p>
        <div className="choice">
          <input
            id={id}
            type="checkbox"
            checked={understood}
            onChange={(e) => setUnderstood(e.target.checked)}
          />
          <label htmlFor={id}>I understand the file is not protected</label>
        </div>
        {understood && <Reauth status={status} state={reauth} onChange={setReauth} error={error} />}
        <div className="form-actions">
          <button type="submit" className="secondary" disabled={!understood || !proof}>
            Save links…
          </button>
        </div>
      </form>
    </Section>
  );
}

function AutoBackupSection({
  backup,
  onChange,
}: {
  backup: BackupStatusView;
  onChange: (b: BackupStatusView) => void;
}) {
  const [keep, setKeep] = useState(String(backup.autoBackup?.keep ?? 10));
  const toast = useToast();
  const id = useId();
  const set = async (value: number | null) => {
    const result = await latchkey['backup:set-auto']({ keep: value });
    if (!result.ok) return toast(result.error.message, 'error');
    onChange(result.value);
  };
  return (
    <Section title="Automatic backups">
      <p className="hint">
        After every change, an encrypted copy of your vault is written to a folder you choose (for
        example a USB stick or a synced folder). Opening a copy needs your Latchkey password.
      </p>
      {backup.autoBackup ? (
        <>
          <p data-testid="auto-backup-folder">
            Writing to <code>{backup.autoBackup.folder}</code>, keeping the newest{' '}
            {backup.autoBackup.keep}.
          </p>
          <div className="form-actions">
            <button type="button" className="secondary" onClick={() => void set(null)}>
              Turn off
            </button>
          </div>
        </>
      ) : (
        <div className="form-actions">
          <label htmlFor={id}>Keep</label>
          <select id={id} value={keep} onChange={(e) => setKeep(e.target.value)}>
            {[3, 5, 10, 20, 50].map((n) => (
              <option key={n} value={n}>
                {n} copies
              </option>
            ))}
          </select>
          <button
            type="button"
            className="secondary"
            disabled={!backup.canAutoBackup}
            onClick={() => void set(Number(keep))}
          >
            Choose folder and turn on…
          </button>
          {!backup.canAutoBackup && (
            <p className="hint">
              Set a password first (Settings): only a password opens a copy elsewhere.
            </p>
          )}
        </div>
      )}
    </Section>
  );
}
