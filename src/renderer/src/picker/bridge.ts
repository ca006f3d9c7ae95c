import type { LatchkeyApi } from '../../../shared/bridge';
import type { PickerOperation } from '../../../shared/bridge-surfaces';

/** The picker's bridge: only the operations its window is granted (src/shared/bridge-surfaces.ts). */
export type PickerApi = Pick<LatchkeyApi, PickerOperation | 'on'>;

export const picker: PickerApi = window.latchkey;
