import { Dialog } from '../../ui/Dialog';
import { GroupManager } from './GroupManager';
import { listPrefsStore, type ListPrefs } from './list-prefs-store';

/** How the list looks (density, the next code) and the groups accounts can be put in. */
export function ListOptions({ prefs, onClose }: { prefs: ListPrefs; onClose: () => void }) {
  return (
    <Dialog title="Groups and view" onClose={onClose}>
      <fieldset className="stack">
        <legend>Rows</legend>
        {(['comfortable', 'compact'] as const).map((density) => (
          <label key={density} className="inline">
            <input
              type="radio"
              name="density"
              checked={prefs.density === density}
              onChange={() => void listPrefsStore.update({ density })}
            />{' '}
            {density === 'compact' ? 'Compact' : 'Comfortable'}
          </label>
        ))}
        <label className="inline">
          <input
            type="checkbox"
            checked={prefs.showNextCode}
            onChange={(e) => void listPrefsStore.update({ showNextCode: e.target.checked })}
          />{' '}
          Show the next code during the last seconds of a period
        </label>
      </fieldset>
      <GroupManager groups={prefs.groups} />
    </Dialog>
  );
}
