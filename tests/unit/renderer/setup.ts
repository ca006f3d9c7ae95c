import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import type { LatchkeyApi } from '../../../src/shared/bridge';
import type { Result } from '../../../src/shared/result';

/**
 * Component tests run in happy-dom with a scripted bridge: each test says what main answers.
 * (The real bridge, main and Chromium are exercised end to end in tests/e2e.)
 */
type Answer = (args: unknown) => Promise<Result<unknown>> | Result<unknown>;
export const answers = new Map<string, Answer>();
export const calls: { name: string; args: unknown }[] = [];
const listeners = new Map<string, ((payload: unknown) => void)[]>();

/** Main pushes an event to the page. */
export function emit(event: string, payload: unknown): void {
  listeners.get(event)?.forEach((l) => l(payload));
}

const bridge = new Proxy(
  {},
  {
    get: (_, name: string) =>
      name === 'on'
        ? (event: string, listener: (payload: unknown) => void) => {
            listeners.set(event, [...(listeners.get(event) ?? []), listener]);
            return () => {};
          }
        : async (args: unknown) => {
            calls.push({ name, args });
            const answer = answers.get(name);
            return answer ? answer(args) : { ok: true, value: undefined };
          },
  },
) as LatchkeyApi;
(window as unknown as { latchkey: LatchkeyApi }).latchkey = bridge;

afterEach(() => {
  cleanup();
  answers.clear();
  calls.length = 0;
  vi.useRealTimers();
});
