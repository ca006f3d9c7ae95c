import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { ErrorInfo } from '../../../shared/errors';
import type { Result } from '../../../shared/result';
import { useToast } from '../ui/Toast';

export interface BridgeActionOptions<T> {
  /** Runs with the value when the operation succeeded. */
  readonly onSuccess?: (value: T) => void;
  /** Show a failure as a message instead of keeping it in `error` (for forms without a field). */
  readonly toastErrors?: boolean;
  /** Also runs with a failure from main (to react to particular codes). */
  readonly onError?: (error: ErrorInfo) => void;
}

export interface BridgeAction<A, T> {
  /** Calls the operation; resolves to its value, or undefined when it failed. */
  readonly run: (args: A) => Promise<T | undefined>;
  readonly busy: boolean;
  /** The last failure's message (from main, or set with `fail`), until the next run. */
  readonly error: string | null;
  /** The last failure from main, with its code and details. */
  readonly errorInfo: ErrorInfo | null;
  /** Shows a problem found before calling main (two passwords that differ, say). */
  readonly fail: (message: string | null) => void;
}

/**
 * One bridge operation as a component's action: busy while it runs, its failure kept for the
 * form (or shown as a message), success handed to `onSuccess`. Replaces hand-written
 * `if (!result.ok)` branches.
 */
export function useBridgeAction<A, T>(
  operation: (args: A) => Promise<Result<T>>,
  options: BridgeActionOptions<T> = {},
): BridgeAction<A, T> {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; info: ErrorInfo | null } | null>(null);
  const toast = useToast();
  const latest = useRef({ operation, options });
  useEffect(() => {
    latest.current = { operation, options };
  });

  const run = useCallback(
    async (args: A) => {
      const { operation: op, options: opts } = latest.current;
      setBusy(true);
      setFailure(null);
      try {
        const result = await op(args);
        if (result.ok) {
          opts.onSuccess?.(result.value);
          return result.value;
        }
        opts.onError?.(result.error);
        if (opts.toastErrors) toast(result.error.message, 'error');
        else setFailure({ message: result.error.message, info: result.error });
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [toast],
  );
  const fail = useCallback(
    (message: string | null) => setFailure(message ? { message, info: null } : null),
    [],
  );
  return { run, busy, error: failure?.message ?? null, errorInfo: failure?.info ?? null, fail };
}

/**
 * A value read from main when the component mounts (and again when `deps` change), with a
 * setter for fresher copies main hands back later. Null until it arrives or if it failed.
 */
export function useBridgeValue<T>(
  load: () => Promise<Result<T>>,
  deps: DependencyList = [],
): readonly [T | null, (value: T) => void, () => void] {
  const [value, setValue] = useState<T | null>(null);
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    let live = true;
    void latest.current().then((r) => live && r.ok && setValue(r.value));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [generation, ...deps]);
  return [value, setValue, reload] as const;
}
