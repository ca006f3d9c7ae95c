import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ToastContext, type ShowToast, type ToastMessage } from './toast-context';

/** Holds one short message at a time; one with an action stays longer. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<ToastMessage | null>(null);
  const counter = useRef(0);
  const show = useCallback<ShowToast>((text, tone = 'info', action) => {
    counter.current += 1;
    setCurrent({
      id: counter.current,
      text,
      tone,
      ...(action && { action }),
      ms: action?.ms ?? 2500,
    });
  }, []);
  const dismiss = useCallback(() => setCurrent(null), []);
  useEffect(() => {
    if (!current) return undefined;
    const timer = setTimeout(dismiss, current.ms);
    return () => clearTimeout(timer);
  }, [current, dismiss]);
  return (
    <ToastContext.Provider value={{ show, current, dismiss }}>{children}</ToastContext.Provider>
  );
}
