import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountId, CodeView } from '../../../../shared/account';
import { latchkey } from '../../lib/bridge';

/** What the page shows for one account at `now`: the current code, or the prefetched next one. */
export function displayedCode(view: CodeView, now: number): { code: string; validUntil: number | null } {
  if (view.validUntil !== null && now >= view.validUntil && view.next && now < view.next.validUntil) {
    return { code: view.next.code, validUntil: view.next.validUntil };
  }
  return { code: view.code, validUntil: view.validUntil };
}

/**
 * Keeps codes fresh: fetched from main, re-fetched just after the earliest code expires, and
 * re-rendered on a short tick (plus exactly at each boundary) so the countdown and the switch
 * to the next code happen on time without asking main every frame.
 */
export function useCodes(accountsVersion: number) {
  const [codes, setCodes] = useState<ReadonlyMap<AccountId, CodeView>>(new Map());
  const [now, setNow] = useState(() => Date.now());
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refresh = useCallback(async () => {
    const result = await latchkey['codes:list']({});
    if (!result.ok) return;
    setCodes(new Map(result.value.map((c) => [c.id, c])));
    const expiries = result.value.flatMap((c) => (c.validUntil === null ? [] : [c.validUntil]));
    clearTimeout(refetchTimer.current);
    if (expiries.length > 0) {
      const wait = Math.max(50, Math.min(...expiries) - Date.now() + 30);
      refetchTimer.current = setTimeout(() => void refresh(), wait);
    }
  }, []);

  useEffect(() => {
    void refresh();
    return () => clearTimeout(refetchTimer.current);
  }, [refresh, accountsVersion]);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(tick);
  }, []);

  // Re-render exactly at the next boundary so the code turns over on time, not up to a tick late.
  useEffect(() => {
    const boundaries = [...codes.values()].flatMap((c) => (c.validUntil && c.validUntil > now ? [c.validUntil] : []));
    if (boundaries.length === 0) return undefined;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(...boundaries) - Date.now());
    return () => clearTimeout(timer);
  }, [codes, now]);

  const replace = useCallback((view: CodeView) => {
    setCodes((previous) => new Map(previous).set(view.id, view));
  }, []);

  return { codes, now, refresh, replace };
}
