import { useEffect, useState } from 'react';
import type { ImportProgress as Progress } from '../../../../shared/backup';
import { latchkey } from '../../lib/bridge';
import './import-progress.css';

const PHASE: Readonly<Record<Progress['phase'], string>> = {
  reading: 'Reading',
  staging: 'Checking for duplicates:',
};

/** The latest progress main reported for this open file (only long imports report any). */
function useImportProgress(token: string): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(
    () =>
      latchkey.on('import-progress', (update) => {
        if (update.token === token) setProgress(update);
      }),
    [token],
  );
  return progress;
}

/**
 * Progress of a long import (1,000 entries or more), with a way to stop it: main ends the read
 * with `import.cancelled` and takes back what it had staged.
 */
export function ImportProgress({ token }: { token: string }) {
  const progress = useImportProgress(token);
  if (!progress) return null;
  const { phase, done, total } = progress;
  const label = `${PHASE[phase]} ${done.toLocaleString()} of ${total.toLocaleString()} entries…`;
  return (
    <div className="import-progress" role="status" data-testid="import-progress">
      <progress value={done} max={total} aria-label={label} />
      <span>{label}</span>
      <button
        type="button"
        className="secondary"
        onClick={() => void latchkey['import:cancel']({ token })}
      >
        Cancel import
      </button>
    </div>
  );
}
