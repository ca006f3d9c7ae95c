import { useEffect, useState } from 'react';
import type { Account } from '../../../../../shared/account';
import { loadBrandPath, loadBrands } from './brand-icons';
import { inkOn, matchBrand, monogram, type Brand } from './brand-match';

interface Resolved {
  readonly brand: Brand;
  readonly path: string;
}

/** The brand icon an account shows (its own choice, or matched on the issuer), once loaded. */
function useBrand(account: Pick<Account, 'issuer' | 'name' | 'icon'>): Resolved | null {
  const { icon, issuer, name } = account;
  const slug = icon.kind === 'brand' ? icon.slug : null;
  const wanted = icon.kind === 'auto' || icon.kind === 'brand';
  const [resolved, setResolved] = useState<Resolved | null>(null);
  useEffect(() => {
    if (!wanted) return undefined;
    let live = true;
    void loadBrands()
      .then(async ({ lookup, bySlug }) => {
        const brand = slug ? (bySlug.get(slug) ?? null) : matchBrand(issuer || name, lookup);
        const path = brand && (await loadBrandPath(brand.slug));
        if (live) setResolved(brand && path ? { brand, path } : null);
      })
      .catch(() => live && setResolved(null));
    return () => {
      live = false;
    };
  }, [wanted, slug, issuer, name]);
  return wanted ? resolved : null;
}

/** The square at the start of a row: a brand icon, the user's picture, or a monogram. */
export function AccountTile({ account }: { account: Pick<Account, 'issuer' | 'name' | 'icon'> }) {
  const brand = useBrand(account);
  const { icon } = account;
  if (icon.kind === 'none') return null;
  if (icon.kind === 'picture') {
    return (
      <img className="tile" src={`data:image/png;base64,${icon.png}`} alt="" aria-hidden="true" />
    );
  }
  if (brand) {
    return (
      <span
        className="tile"
        style={{ background: `#${brand.brand.hex}` }}
        data-brand={brand.brand.slug}
        aria-hidden="true"
      >
        <svg viewBox="0 0 24 24" width="20" height="20" fill={inkOn(brand.brand.hex)}>
          <path d={brand.path} />
        </svg>
      </span>
    );
  }
  const { letter, hue } = monogram(account.issuer || account.name);
  return (
    <span
      className="tile tile-monogram"
      style={{ background: `hsl(${hue} 55% 32%)` }}
      aria-hidden="true"
    >
      {letter}
    </span>
  );
}
