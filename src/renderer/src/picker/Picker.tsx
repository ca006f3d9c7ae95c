import { useSyncExternalStore } from 'react';
import { picker } from './bridge';
import { PickerSearch } from './PickerSearch';
import { PickerUnlock } from './PickerUnlock';
import { pickerStore } from './picker-store';

/** The quick picker: unlock first if needed, then search and copy. */
export function Picker() {
  const state = useSyncExternalStore(pickerStore.subscribe, pickerStore.getSnapshot);
  const { status } = state;
  if (!status) return null;
  return (
    <main className="picker" aria-label="Copy a code">
      {status.state === 'unlocked' && <PickerSearch key={state.opened} state={state} />}
      {status.state === 'locked' && <PickerUnlock status={status} />}
      {status.state === 'absent' && (
        <p className="picker-note">
          Set up Latchkey in its main window first.{' '}
          <button
            type="button"
            className="secondary small"
            onClick={() => void picker['picker:close']({})}
          >
            Close
          </button>
        </p>
      )}
    </main>
  );
}
