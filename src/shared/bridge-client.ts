import { EVENT_NAMES, OPERATION_NAMES, type EventName, type OperationName } from './bridge-channels';
import type { LatchkeyApi } from './bridge';

/** The transport a bridge client sits on: Electron IPC in the app, a Playwright binding in tests. */
export interface BridgeTransport {
  invoke(operation: OperationName, args: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds `window.latchkey`: one function per contract operation and `on()` for events.
 * Frozen so page code cannot swap an operation for something else.
 */
export function buildLatchkeyApi(transport: BridgeTransport): LatchkeyApi {
  const api: Record<string, unknown> = {};
  for (const name of OPERATION_NAMES) {
    api[name] = (args: unknown) => transport.invoke(name, args ?? {});
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!(EVENT_NAMES as readonly string[]).includes(event)) {
      throw new TypeError(`Unknown Latchkey event: ${String(event)}`);
    }
    return transport.subscribe(event, listener);
  };
  return Object.freeze(api) as unknown as LatchkeyApi;
}
