import {
  EVENT_NAMES,
  OPERATION_NAMES,
  type EventName,
  type OperationName,
} from './bridge-channels';

/**
 * The windows ("surfaces") that speak the bridge, and what each may use. Main enforces this by
 * the window a request came from (`src/main/ipc/register.ts`, via `src/node/shell/sender.ts`);
 * the preload and the end-to-end test bridge build each page's `window.latchkey` from it, so a
 * page never even sees an operation it may not call.
 */
export interface SurfaceGrant {
  readonly operations: readonly OperationName[];
  readonly events: readonly EventName[];
}

/** The quick picker: find an account, unlock if needed, copy its code, close. Nothing else. */
export const PICKER_OPERATIONS = [
  'vault:status',
  'vault:unlock',
  'accounts:list',
  'codes:list',
  'clipboard:copy-code',
  'session:activity',
  'picker:close',
] as const satisfies readonly OperationName[];
export const PICKER_EVENTS = [
  'locked',
  'accounts-changed',
  'picker-opened',
] as const satisfies readonly EventName[];

export const SURFACES = {
  main: { operations: OPERATION_NAMES, events: EVENT_NAMES },
  picker: { operations: PICKER_OPERATIONS, events: PICKER_EVENTS },
} as const satisfies Record<string, SurfaceGrant>;

export type Surface = keyof typeof SURFACES;
export type PickerOperation = (typeof PICKER_OPERATIONS)[number];

export const surfaceAllows = (surface: Surface, operation: OperationName): boolean =>
  (SURFACES[surface].operations as readonly string[]).includes(operation);

export const surfaceHears = (surface: Surface, event: EventName): boolean =>
  (SURFACES[surface].events as readonly string[]).includes(event);

/** The page each surface loads (relative to the renderer's root). */
export const SURFACE_PAGES: Record<Surface, string> = {
  main: 'index.html',
  picker: 'picker.html',
};

/**
 * Which grant the preload builds for the page it runs in. Only shapes `window.latchkey`; the
 * boundary is main's check of the sending window, which does not trust the page's address.
 */
export function surfaceForPath(pathname: string): Surface {
  return pathname.endsWith(`/${SURFACE_PAGES.picker}`) ? 'picker' : 'main';
}
