import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { Reauth, ReauthGrant } from '../../../../shared/bridge';
import type { ErrorInfo } from '../../../../shared/errors';
import type { Result } from '../../../../shared/result';
import { latchkey } from '../../lib/bridge';

/**
 * The Backup screen's one re-authentication per visit: the first export asks for the password
 * and trades it for a short grant held in main (`reauth:grant`); later exports on the screen
 * use the grant. Leaving the screen drops it in main at once (and main drops it on lock, and
 * after 2 minutes regardless).
 */
interface BackupAccess {
  readonly grant: ReauthGrant | null;
  /** The grant as proof, minting it from `typed` (the user's password) when there is none. */
  readonly prove: (typed: Reauth) => Promise<Result<Reauth>>;
  /** Main refused the grant (ran out, or the vault locked): ask again. */
  readonly forget: () => void;
}

const Access = createContext<BackupAccess | null>(null);

export function BackupAccessProvider({ children }: { children: ReactNode }) {
  const [grant, setGrant] = useState<ReauthGrant | null>(null);
  const forget = useCallback(() => setGrant(null), []);

  useEffect(() => () => void latchkey['reauth:drop']({}), []);
  useEffect(() => {
    if (!grant) return undefined;
    const timer = setTimeout(forget, Math.max(0, grant.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [grant, forget]);

  const prove = useCallback(
    async (typed: Reauth): Promise<Result<Reauth>> => {
      if (grant && grant.expiresAt > Date.now())
        return { ok: true, value: { method: 'grant', token: grant.token } };
      const minted = await latchkey['reauth:grant']({ reauth: typed });
      if (!minted.ok) return minted;
      setGrant(minted.value);
      return { ok: true, value: { method: 'grant', token: minted.value.token } };
    },
    [grant],
  );
  const value = useMemo(() => ({ grant, prove, forget }), [grant, prove, forget]);
  return <Access.Provider value={value}>{children}</Access.Provider>;
}

/** Outside the Backup screen (tests, other screens) every export asks for its own proof. */
const direct: BackupAccess = {
  grant: null,
  prove: async (typed) => ({ ok: true, value: typed }),
  forget: () => {},
};

export function useBackupAccess(): BackupAccess {
  return useContext(Access) ?? direct;
}

/** True for failures that mean "prove it again" rather than "this export went wrong". */
export function asksForProof(error: ErrorInfo): boolean {
  return error.code === 'backup.reauth-required' || error.code === 'backup.reauth-expired';
}
