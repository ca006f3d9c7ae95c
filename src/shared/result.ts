import type { ErrorInfo } from './errors';

/** What every bridge call resolves to: the page never sees an exception or a stack trace. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: ErrorInfo): Result<T> => ({ ok: false, error });
