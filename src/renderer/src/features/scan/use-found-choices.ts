import { useState } from 'react';
import type { StagedAccountView } from '../../../../shared/staging';

function toggled(set: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(key)) next.add(key);
  return next;
}

/**
 * Which found accounts are ticked for adding. New accounts start ticked; a duplicate starts
 * unticked and ticking it means "keep both".
 */
export function useFoundChoices(items: readonly StagedAccountView[]) {
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const [keepBoth, setKeepBoth] = useState<ReadonlySet<string>>(new Set());
  const isChosen = (item: StagedAccountView) =>
    !unchecked.has(item.key) && (item.duplicateOf === null || keepBoth.has(item.key));
  const toggle = (item: StagedAccountView) =>
    item.duplicateOf !== null
      ? setKeepBoth((s) => toggled(s, item.key))
      : setUnchecked((s) => toggled(s, item.key));
  const keepsBoth = (item: StagedAccountView) => keepBoth.has(item.key);
  return { chosen: items.filter(isChosen), isChosen, toggle, keepsBoth } as const;
}
