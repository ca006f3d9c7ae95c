import { useEffect, useState } from 'react';
import type { Account } from '../../../../../shared/account';
import { latchkey } from '../../../lib/bridge';
import { useBridgeAction } from '../../../lib/use-bridge-action';
import { AccountTile } from '../icons/AccountTile';
import { loadBrands } from '../icons/brand-icons';
import { brandKey, type Brand } from '../icons/brand-match';
import type { Draft } from './EditorFields';

interface Props {
  readonly account: Account;
  readonly draft: Draft;
  readonly onChange: (icon: Draft['icon']) => void;
}

/** Bundled icons whose name starts with (or contains) what was typed. */
function useBrandSearch(query: string): readonly Brand[] {
  const [found, setFound] = useState<readonly Brand[]>([]);
  useEffect(() => {
    const key = brandKey(query);
    let live = true;
    if (key.length < 2) return undefined;
    void loadBrands().then(({ brands }) => {
      const hits = brands.filter((b) => brandKey(b.title).includes(key));
      hits.sort(
        (a, b) =>
          Number(!brandKey(a.title).startsWith(key)) - Number(!brandKey(b.title).startsWith(key)),
      );
      if (live) setFound(hits.slice(0, 8));
    });
    return () => {
      live = false;
    };
  }, [query]);
  return brandKey(query).length < 2 ? [] : found;
}

/** Automatic (matched on the service), another bundled icon, a picture file, or none. */
export function IconChooser({ account, draft, onChange }: Props) {
  const [query, setQuery] = useState('');
  const found = useBrandSearch(query);
  const picture = useBridgeAction(latchkey['accounts:set-picture'], { toastErrors: true });
  const choosePicture = async () => {
    const opened = await latchkey['files:open-image']({});
    if (opened.ok && opened.value) void picture.run({ id: account.id, bytes: opened.value.bytes });
  };
  const preview = { ...account, issuer: draft.issuer, icon: draft.icon ?? account.icon };
  return (
    <fieldset className="stack">
      <legend>Icon</legend>
      <div className="icon-choice">
        <AccountTile account={preview} />
        <button
          type="button"
          className="secondary small"
          onClick={() => onChange({ kind: 'auto' })}
        >
          Automatic
        </button>
        <button
          type="button"
          className="secondary small"
          onClick={() => onChange({ kind: 'none' })}
        >
          No icon
        </button>
        <button type="button" className="secondary small" onClick={() => void choosePicture()}>
          Picture file…
        </button>
      </div>
      <label className="inline-select">
        <span>Find another icon</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {found.length > 0 && (
        <div className="icon-results">
          {found.map((b) => (
            <button
              key={b.slug}
              type="button"
              className="secondary small"
              aria-pressed={draft.icon?.kind === 'brand' && draft.icon.slug === b.slug}
              onClick={() => onChange({ kind: 'brand', slug: b.slug })}
            >
              {b.title}
            </button>
          ))}
        </div>
      )}
    </fieldset>
  );
}
