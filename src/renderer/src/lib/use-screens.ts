import { useCallback, useEffect, useRef, useState } from 'react';
import { rememberFocus, type FocusReturn } from '../ui/focus';

/**
 * Which screen is showing over the list. Opening one remembers the control that opened it;
 * going back to the list returns focus there (unless the list already focused something, such
 * as a newly added account).
 */
export function useScreens<S extends string>(home: S) {
  const [screen, setScreen] = useState<S>(home);
  const back = useRef<FocusReturn | null>(null);
  const open = useCallback((next: S) => {
    back.current = rememberFocus();
    setScreen(next);
  }, []);
  const close = useCallback(() => setScreen(home), [home]);
  useEffect(() => {
    if (screen !== home || !back.current) return;
    back.current.restore();
    back.current = null;
  }, [screen, home]);
  return { screen, open, close } as const;
}
