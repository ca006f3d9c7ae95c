import { useState } from 'react';
import type { AddedAccount } from '../../../../shared/bridge';
import { Screen } from '../../ui/Screen';
import { ImportBackup } from '../backup/ImportBackup';
import { ScanPanel } from '../scan/ScanPanel';
import './add.css';
import { ManualForm } from './ManualForm';
import { UriForm } from './UriForm';

export type AddMode = 'scan' | 'link' | 'key' | 'import';

const MODES: readonly { readonly mode: AddMode; readonly label: string }[] = [
  { mode: 'scan', label: 'Scan a QR code' },
  { mode: 'link', label: 'Paste a link' },
  { mode: 'key', label: 'Enter a setup key' },
  { mode: 'import', label: 'Import a file' },
];

interface Props {
  readonly initialMode?: AddMode;
  readonly onAdded: (added: AddedAccount) => void;
  readonly onScanned: (count: number) => void;
  readonly onCancel: () => void;
}

export function AddAccount({ initialMode = 'scan', onAdded, onScanned, onCancel }: Props) {
  const [mode, setMode] = useState<AddMode>(initialMode);
  return (
    <Screen title="Add account" onClose={onCancel}>
      <div className="segmented" role="group" aria-label="How to add">
        {MODES.map((m) => (
          <button
            key={m.mode}
            type="button"
            aria-pressed={mode === m.mode}
            onClick={() => setMode(m.mode)}
          >
            {m.label}
          </button>
        ))}
      </div>
      {mode === 'scan' && <ScanPanel onAdded={onScanned} />}
      {mode === 'link' && <UriForm onAdded={onAdded} />}
      {mode === 'key' && <ManualForm onAdded={onAdded} />}
      {mode === 'import' && <ImportBackup onImported={onScanned} />}
    </Screen>
  );
}
