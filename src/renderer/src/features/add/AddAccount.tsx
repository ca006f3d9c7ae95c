import { useState } from 'react';
import type { AddedAccount } from '../../../../shared/bridge';
import { ManualForm } from './ManualForm';
import { UriForm } from './UriForm';

type Mode = 'link' | 'key';

export function AddAccount({ onAdded, onCancel }: { onAdded: (added: AddedAccount) => void; onCancel: () => void }) {
  const [mode, setMode] = useState<Mode>('link');
  return (
    <section className="add-account" aria-labelledby="add-title">
      <header className="screen-header">
        <h2 id="add-title">Add account</h2>
        <button type="button" className="secondary" onClick={onCancel}>
          Done
        </button>
      </header>
      <div className="segmented" role="group" aria-label="How to add">
        <button type="button" aria-pressed={mode === 'link'} onClick={() => setMode('link')}>
          Paste a link
        </button>
        <button type="button" aria-pressed={mode === 'key'} onClick={() => setMode('key')}>
          Enter a setup key
        </button>
      </div>
      {mode === 'link' ? <UriForm onAdded={onAdded} /> : <ManualForm onAdded={onAdded} />}
    </section>
  );
}
