import { useState } from 'react';
import type { AddedAccount } from '../../../../shared/bridge';
import { ScanPanel } from '../scan/ScanPanel';
import { ManualForm } from './ManualForm';
import { UriForm } from './UriForm';

type Mode = 'scan' | 'link' | 'key';

interface Props {
  readonly onAdded: (added: AddedAccount) => void;
  readonly onScanned: (count: number) => void;
  readonly onCancel: () => void;
}

export function AddAccount({ onAdded, onScanned, onCancel }: Props) {
  const [mode, setMode] = useState<Mode>('scan');
  return (
    <section className="add-account" aria-labelledby="add-title">
      <header className="screen-header">
        <h2 id="add-title">Add account</h2>
        <button type="button" className="secondary" onClick={onCancel}>
          Done
        </button>
      </header>
      <div className="segmented" role="group" aria-label="How to add">
        <button type="button" aria-pressed={mode === 'scan'} onClick={() => setMode('scan')}>
          Scan a QR code
        </button>
        <button type="button" aria-pressed={mode === 'link'} onClick={() => setMode('link')}>
          Paste a link
        </button>
        <button type="button" aria-pressed={mode === 'key'} onClick={() => setMode('key')}>
          Enter a setup key
        </button>
      </div>
      {mode === 'scan' && <ScanPanel onAdded={onScanned} />}
      {mode === 'link' && <UriForm onAdded={onAdded} />}
      {mode === 'key' && <ManualForm onAdded={onAdded} />}
    </section>
  );
}
