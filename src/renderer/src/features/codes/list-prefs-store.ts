import type { SettingsView } from '../../../../shared/bridge';
import type { Density, SortOrder } from '../../../../shared/list-preferences';
import { latchkey } from '../../lib/bridge';
import { Store } from '../../lib/store';

export interface ListPrefs {
  readonly sortOrder: SortOrder;
  readonly density: Density;
  readonly showNextCode: boolean;
  readonly groups: readonly string[];
}

const defaults: ListPrefs = {
  sortOrder: 'custom',
  density: 'comfortable',
  showNextCode: true,
  groups: [],
};

/**
 * How the list is ordered and drawn and which groups exist, as kept in the vault's settings.
 * Changes are shown at once and saved in main; a refused change is undone by the reload.
 */
class ListPrefsStore extends Store<ListPrefs> {
  constructor() {
    super(defaults);
  }

  adopt(view: SettingsView): void {
    const { sortOrder, density, showNextCode, groups } = view;
    this.set({ sortOrder, density, showNextCode, groups });
  }

  async reload(): Promise<void> {
    const result = await latchkey['settings:get']({});
    if (result.ok) this.adopt(result.value);
  }

  async update(patch: Partial<Omit<ListPrefs, 'groups'>>): Promise<void> {
    this.set({ ...this.getSnapshot(), ...patch });
    const result = await latchkey['settings:update'](patch);
    if (result.ok) this.adopt(result.value);
    else await this.reload();
  }
}

export const listPrefsStore = new ListPrefsStore();
