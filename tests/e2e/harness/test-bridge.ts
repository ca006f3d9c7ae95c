import type { Page } from '@playwright/test';
import type { EventPayloads } from '../../../src/shared/bridge';
import { buildLatchkeyApi } from '../../../src/shared/bridge-client';
import type { EventName } from '../../../src/shared/bridge-channels';
import { SURFACES, surfaceHears, type Surface } from '../../../src/shared/bridge-surfaces';
import { LatchkeyError } from '../../../src/shared/errors';
import { fail } from '../../../src/shared/result';
import { dispatch, type Bridge } from '../../../src/node/ipc/dispatch';
import { refusal } from '../../../src/node/shell/sender';

/**
 * Replaces only Electron's IPC transport. Before any page script runs, `window.latchkey` is
 * built by the same `buildLatchkeyApi` the preload uses, from the same names the preload grants
 * that window (`surface`: the main window, or the quick picker); each call travels through a
 * Playwright binding into the same `dispatch` main uses, with the same sender rule (top frame,
 * trusted origin, an operation the surface may use), to the real main-side services here.
 */
/**
 * Results cross the Playwright binding as one JSON string: the binding serialises an object
 * tree value by value, which made a 1,000-account list cost the page a second (Electron's IPC
 * copies the same result natively in milliseconds). Byte arrays travel as base64.
 */
const JSON_BYTES = '"$latchkeyBytes"';

function toWire(result: unknown): string {
  return JSON.stringify(result, function (this: Record<string, unknown>, key, value: unknown) {
    // `this[key]` is the value before Buffer#toJSON turned it into a list of numbers.
    const raw = this[key];
    return raw instanceof Uint8Array
      ? {
          $latchkeyBytes: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString(
            'base64',
          ),
        }
      : value;
  });
}

export async function installTestBridge(
  page: Page,
  bridge: () => Bridge,
  trustedOrigin: string,
  surface: Surface = 'main',
) {
  await page.exposeBinding('__latchkeyInvoke', async (source, name: unknown, args: unknown) => {
    // The same gate as main's registration: trusted top frame, and an operation this window may use.
    const refused = refusal(
      { url: source.frame.url(), isTopFrame: source.frame === source.page.mainFrame() },
      surface,
      name,
      [trustedOrigin],
    );
    if (refused) return toWire(fail(new LatchkeyError(refused).toInfo()));
    const result = await dispatch(bridge(), name, args, (operation, error) => {
      console.error(`test bridge: ${operation} failed`, error);
    });
    return toWire(result);
  });

  const script = `(() => {
    const invoke = window.__latchkeyInvoke;
    delete window.__latchkeyInvoke;
    const listeners = new Map();
    const build = ${buildLatchkeyApi.toString()};
    const api = build({
      invoke: (operation, args) => invoke(operation, args).then((wire) => JSON.parse(wire, (_key, value) =>
        value !== null && typeof value === 'object' && ${JSON_BYTES} in value
          ? Uint8Array.from(atob(value[${JSON_BYTES}]), (c) => c.charCodeAt(0))
          : value)),
      subscribe: (event, listener) => {
        const set = listeners.get(event) ?? new Set();
        listeners.set(event, set);
        const wrapped = (payload) => listener(payload);
        set.add(wrapped);
        return () => set.delete(wrapped);
      },
    }, { operations: ${JSON.stringify(SURFACES[surface].operations)}, events: ${JSON.stringify(SURFACES[surface].events)} });
    Object.defineProperty(window, 'latchkey', { value: api, enumerable: true });
    // Main's pushes arrive here (webContents.send in the app). Not part of window.latchkey.
    Object.defineProperty(window, '__latchkeyEmit', {
      value: (event, payload) => (listeners.get(event) ?? new Set()).forEach((l) => l(payload)),
    });
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
    });
  })();`;
  await page.addInitScript({ content: script });

  return {
    /** What main's EventSink does in the app: push an event to the page. */
    emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
      // As in the app: a window hears only the events its surface is granted.
      if (!surfaceHears(surface, event)) return;
      void page
        .evaluate(
          ([e, p]) =>
            (
              window as unknown as { __latchkeyEmit?: (e: string, p: unknown) => void }
            ).__latchkeyEmit?.(e, p),
          [event, payload] as const,
        )
        .catch(() => {});
    },
  };
}
