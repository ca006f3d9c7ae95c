import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';

export interface ToastAction {
  readonly label: string;
  readonly run: () => void;
}

interface ToastMessage {
  readonly id: number;
  readonly text: string;
  readonly tone: 'info' | 'error';
  readonly action?: ToastAction;
  readonly ms: number;
}

export type ShowToast = (
  text: string,
  tone?: ToastMessage['tone'],
  action?: ToastAction & { ms?: number },
) => void;

interface ToastState {
  readonly show: ShowToast;
  readonly current: ToastMessage | null;
  readonly dismiss: () => void;
}

const ToastContext = createContext<ToastState>({
  show: () => {},
  current: null,
  dismiss: () => {},
});

export function useToast(): ShowToast {
  return useContext(ToastContext).show;
}

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

/**
 * Where messages appear, announced to screen readers. The app places it in its own row under
 * the content (not floating over it), so a message never covers a control.
 */
export function ToastRegion() {
  const { current, dismiss } = useContext(ToastContext);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {current && (
        <div key={current.id} className={`toast toast-${current.tone}`} data-testid="toast">
          <span>{current.text}</span>
          {current.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                current.action?.run();
                dismiss();
              }}
            >
              {current.action.label}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
