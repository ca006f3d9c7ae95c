import { useState, useSyncExternalStore, type FormEvent } from 'react';
import type { ImportFileView } from '../../../../shared/backup';
import { latchkey } from '../../lib/bridge';
import { ErrorText } from '../../lib/ErrorText';
import { useBridgeAction } from '../../lib/use-bridge-action';
import { PasswordField } from '../../ui/PasswordField';
import { Section } from '../../ui/Section';
import { useToast } from '../../ui/Toast';
import { ScanResults } from '../scan/ScanResults';
import { scanSession } from '../scan/scan-session';
import '../scan/scan.css';
import { formatName, IMPORT_FORMATS } from './import-formats';
import { ImportProgress } from './ImportProgress';

/**
 * Import from another authenticator: the file is read and previewed in main (the format is
 * recognised from its content); nothing is written until the user picks accounts and confirms.
 */
export function ImportBackup({ onImported }: { onImported?: (count: number) => void }) {
  const [file, setFile] = useState<ImportFileView | null>(null);
  const [password, setPassword] = useState('');
  const state = useSyncExternalStore(scanSession.subscribe, scanSession.getSnapshot);
  const toast = useToast();
  const read = useBridgeAction(latchkey['import:read'], {
    onSuccess: (view) => {
      setPassword('');
      setFile(null);
      scanSession.showStaging(view);
    },
  });
  const open = useBridgeAction(latchkey['import:open-file'], {
    onSuccess: (view) => {
      setFile(view);
      if (view && !view.needsPassword) void readFile(view, undefined);
    },
  });
  const readFile = async (view: ImportFileView, pw: string | undefined) => {
    await read.run({ token: view.token, ...(pw !== undefined && { password: pw }) });
  };
  // An encrypted file whose password was not asked for yet: ask now rather than fail.
  const askPassword = read.errorInfo?.code === 'import.password-required';
  const needsPassword = file?.needsPassword || askPassword;
  const error = askPassword ? null : (read.error ?? open.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) void readFile(file, password);
  };

  return (
    <Section title="Import from another app">
      <p className="hint">{IMPORT_FORMATS}</p>
      {file && needsPassword ? (
        <form onSubmit={submit} noValidate className="stack">
          <p>
            <strong>{file.fileName}</strong> is an encrypted {formatName(file.format)}.
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
            <button type="submit" className="primary" disabled={password === '' || read.busy}>
              Open backup
            </button>
          </div>
        </form>
      ) : (
        <>
          <ErrorText message={error} testId="import-error" />
          <div className="form-actions">
            <button type="button" className="secondary" onClick={() => void open.run({})}>
              Choose a backup file…
            </button>
          </div>
        </>
      )}
      {file && read.busy && <ImportProgress token={file.token} />}
      <ScanResults
        state={state}
        onAdded={(count) => {
          void scanSession.reset();
          toast(count === 1 ? 'Imported 1 account' : `Imported ${count} accounts`);
          onImported?.(count);
        }}
      />
    </Section>
  );
}
