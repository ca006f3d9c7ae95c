import { useCallback, useState } from 'react';
import { accountLabel } from '../../../shared/account';
import type { AddedAccount } from '../../../shared/bridge';
import type { StagingView } from '../../../shared/staging';
import type { AddMode } from '../features/add/AddAccount';
import { accountsStore } from '../features/codes/accounts-store';
import { useOpenedLinks } from '../features/links/link-inbox';
import { scanSession } from '../features/scan/scan-session';
import { useScreens } from '../lib/use-screens';
import { useToast } from '../ui/Toast';
import type { AppScreen } from './app-screen';

/**
 * Which screen an unlocked vault shows, how the add screen opens (scan or import), and what
 * happens when an account was added or a scan saved accounts: back to the list, reloaded.
 */
export function useUnlockedScreens() {
  const { screen, open, close } = useScreens<AppScreen>('codes');
  const [addMode, setAddMode] = useState<AddMode>('scan');
  const toast = useToast();

  const openAdd = (mode: AddMode) => {
    setAddMode(mode);
    open('add');
  };
  // A link from the browser goes to the same confirmation screen as a scan.
  useOpenedLinks(
    useCallback(
      (view: StagingView) => {
        scanSession.showStaging(view);
        setAddMode('scan');
        open('add');
      },
      [open],
    ),
  );
  const added = ({ account, warnings }: AddedAccount) => {
    const note = warnings.length > 0 ? ` — ${warnings.join(' ')}` : '';
    // A warning deserves time to read: it stays until dismissed or 8 s.
    const action = note ? { label: 'OK', ms: 8000, run: () => {} } : undefined;
    toast(`Added ${accountLabel(account)}${note}`, 'info', action);
    close();
    void accountsStore.reload();
  };
  const scanned = () => {
    close();
    void accountsStore.reload();
  };
  return { screen, open, close, addMode, openAdd, added, scanned } as const;
}
