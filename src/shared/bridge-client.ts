import {
  EVENT_NAMES,
  OPERATION_NAMES,
  type EventName,
  type OperationName,
} from './bridge-channels';
import type { LatchkeyApi } from './bridge';

/** The transport a bridge client sits on: Electron IPC in the app, a Playwright binding in tests. */
export interface BridgeTransport {
  invoke(operation: OperationName, args: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

export interface BridgeNames {
  readonly operations: readonly OperationName[];
  readonly events: readonly EventName[];
}

/**
 * Builds `window.latchkey`: one function per contract operation and `on()` for events.
 * Self-contained (it uses only its parameters) so the end-to-end harness can inject this very
 * function into a page; frozen so page code cannot swap an operation for something else.
 */
export function buildLatchkeyApi(
  transport: BridgeTransport,
  names: BridgeNames = { operations: OPERATION_NAMES, events: EVENT_NAMES },
): LatchkeyApi {
  const api: Record<string, unknown> = {};
  for (const name of names.operations) {
    api[name] = (args: unknown) => transport.invoke(name, args === undefined ? {} : args);
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!names.events.includes(event)) throw new TypeError('Unknown Latchkey event');
    if (typeof listener !== 'function') throw new TypeError('A listener must be a function');
    return transport.subscribe(event, listener);
  };
  return Object.freeze(api) as unknown as LatchkeyApi;
}
