import { useState, useSyncExternalStore, type FormEvent } from 'react';
import type { ImportFileView } from '../../../../shared/backup';
import { latchkey } from '../../lib/bridge';
import { ScanResults } from '../scan/ScanResults';
import { scanSession } from '../scan/scan-session';
import { useToast } from '../toast/Toast';
import { PasswordField } from '../vault/PasswordField';
import { ErrorText } from '../../lib/ErrorText';

const FORMAT_NAMES: Record<string, string> = {
  'google-migration': 'Google Authenticator export',
  aegis: 'Aegis',
  '2fas': '2FAS',
  andotp: 'andOTP',
  'bitwarden-json': 'Bitwarden (JSON)',
  'bitwarden-csv': 'Bitwarden (CSV)',
  'freeotp-plus': 'FreeOTP+',
  ente: 'Ente Auth',
  'proton-authenticator': 'Proton Authenticator',
  steam: 'Steam Guard (.maFile)',
  'uri-list': 'list of otpauth:// links',
  latchkey: 'Latchkey backup',
};

/**
 * Import from another authenticator: the file is read and previewed in main (the format is
 * recognised from its content); nothing is written until the user picks accounts and confirms.
 */
export function ImportBackup() {
  const [file, setFile] = useState<ImportFileView | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const state = useSyncExternalStore(scanSession.subscribe, scanSession.getSnapshot);
  const toast = useToast();

  const open = async () => {
    setError(null);
    const result = await latchkey['import:open-file']({});
    if (!result.ok) return setError(result.error.message);
    if (!result.value) return;
    setFile(result.value);
    if (!result.value.needsPassword) await read(result.value, undefined);
  };

  const read = async (view: ImportFileView, pw: string | undefined) => {
    const result = await latchkey['import:read']({
      token: view.token,
      ...(pw !== undefined && { password: pw }),
    });
    if (!result.ok) {
      if (result.error.code === 'import.password-required')
        return setFile({ ...view, needsPassword: true });
      return setError(result.error.message);
    }
    setError(null);
    setPassword('');
    setFile(null);
    scanSession.showStaging(result.value);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) void read(file, password);
  };

  return (
    <div className="card" role="group" aria-labelledby="import-title">
      <h3 id="import-title">Import from another app</h3>
      <p className="hint">
        Aegis, 2FAS, andOTP, Bitwarden, FreeOTP+, Ente Auth, Proton Authenticator, Steam (.maFile),
        Google Authenticator export links, lists of otpauth:// links, and Latchkey’s own automatic
        backups.
      </p>
      {file?.needsPassword ? (
        <form onSubmit={submit} noValidate className="stack">
          <p>
            <strong>{file.fileName}</strong> is an encrypted{' '}
            {FORMAT_NAMES[file.format ?? ''] ?? 'backup'}.
          </p>
          <PasswordField
            label="Backup password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            error={error}
            autoFocus
          />
          <div className="form-actions">
            <button type="button" className="secondary" onClick={() => setFile(null)}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={password === ''}>
              Open backup
            </button>
          </div>
        </form>
      ) : (
        <>
          <ErrorText message={error} testId="import-error" />
          <div className="form-actions">
            <button type="button" className="secondary" onClick={() => void open()}>
              Choose a backup file…
            </button>
          </div>
        </>
      )}
      <ScanResults
        state={state}
        onAdded={(count) => {
          void scanSession.reset();
          toast(count === 1 ? 'Imported 1 account' : `Imported ${count} accounts`);
        }}
      />
    </div>
  );
}
