// @vitest-environment happy-dom
import { answers } from './setup';
import { act, render, renderHook, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../src/shared/result';
import { useBridgeAction } from '../../../src/renderer/src/lib/use-bridge-action';
import { ToastProvider, ToastRegion } from '../../../src/renderer/src/ui/Toast';

const wrong = { code: 'vault.wrong-password', message: 'That password is not correct.' } as const;

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('useBridgeAction', () => {
  it('is busy while main works, hands the value to onSuccess and resolves to it', async () => {
    const answer = deferred<Result<number>>();
    const onSuccess = vi.fn();
    const { result } = renderHook(() =>
      useBridgeAction((_: object) => answer.promise, { onSuccess }),
    );
    let run!: Promise<number | undefined>;
    act(() => {
      run = result.current.run({});
    });
    expect(result.current.busy).toBe(true);
    await act(async () => answer.resolve({ ok: true, value: 42 }));
    expect(await run).toBe(42);
    expect(onSuccess).toHaveBeenCalledWith(42);
    expect(result.current).toMatchObject({ busy: false, error: null });
  });

  it('keeps a failure for the form (with its code), tells onError, and clears it on the next run', async () => {
    const onError = vi.fn();
    const onSuccess = vi.fn();
    let next: Result<string> = { ok: false, error: wrong };
    const { result } = renderHook(() =>
      useBridgeAction(async (_: object) => next, { onSuccess, onError }),
    );
    await act(async () => void (await result.current.run({})));
    expect(result.current.error).toBe(wrong.message);
    expect(result.current.errorInfo?.code).toBe('vault.wrong-password');
    expect(onError).toHaveBeenCalledWith(wrong);
    expect(onSuccess).not.toHaveBeenCalled();
    next = { ok: true, value: 'fine' };
    await act(async () => void (await result.current.run({})));
    expect(result.current.error).toBeNull();
  });

  it('fail() shows a problem found before asking main', () => {
    const { result } = renderHook(() =>
      useBridgeAction(async (_: object) => ({ ok: true, value: 1 })),
    );
    act(() => result.current.fail('The two passwords are not the same.'));
    expect(result.current.error).toBe('The two passwords are not the same.');
    expect(result.current.errorInfo).toBeNull();
  });

  it('with toastErrors the failure becomes a message in the message bar instead', async () => {
    answers.set('backup:set-auto', () => ({ ok: false, error: wrong }));
    function Turner() {
      const set = useBridgeAction(window.latchkey['backup:set-auto'], { toastErrors: true });
      return (
        <button type="button" onClick={() => void set.run({ keep: 3 })}>
          Turn on {set.error ?? ''}
        </button>
      );
    }
    render(
      <ToastProvider>
        <Turner />
        <ToastRegion />
      </ToastProvider>,
    );
    await act(async () => screen.getByRole('button').click());
    expect(screen.getByTestId('toast').textContent).toContain(wrong.message);
    expect(screen.getByRole('button').textContent).toBe('Turn on ');
  });
});
