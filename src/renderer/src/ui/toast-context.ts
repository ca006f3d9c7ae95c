import { createContext, useContext } from 'react';

export interface ToastAction {
  readonly label: string;
  readonly run: () => void;
}

export interface ToastMessage {
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

export interface ToastState {
  readonly show: ShowToast;
  readonly current: ToastMessage | null;
  readonly dismiss: () => void;
}

/** The one message showing, shared by whoever shows messages and the region that displays them. */
export const ToastContext = createContext<ToastState>({
  show: () => {},
  current: null,
  dismiss: () => {},
});

export function useToast(): ShowToast {
  return useContext(ToastContext).show;
}
