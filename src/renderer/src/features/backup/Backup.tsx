import type { Account } from '../../../../shared/account';
import type { VaultStatusView } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { useBridgeValue } from '../../lib/use-bridge-action';
import { Screen } from '../../ui/Screen';
import { AegisSection } from './AegisSection';
import { AutoBackupSection } from './AutoBackupSection';
import { BackupAccessProvider } from './backup-access';
import './backup.css';
import { ImportBackup } from './ImportBackup';
import { GrantStatus } from './GrantStatus';
import { KitSection } from './KitSection';
import { LastBackup } from './LastBackup';
import { TransferCodes } from './TransferCodes';
import { UrisSection } from './UrisSection';

interface Props {
  readonly status: VaultStatusView;
  readonly accounts: readonly Account[];
  readonly onClose: () => void;
}

/** Every way to get accounts out (and in): kit, encrypted file, phone transfer, links, copies. */
export function Backup({ status, accounts, onClose }: Props) {
  const [backup, setBackup, refresh] = useBridgeValue(() => latchkey['backup:status']({}));
  return (
    <BackupAccessProvider>
      <Screen title="Backup and import" onClose={onClose}>
        {backup && <LastBackup backup={backup} />}
        <GrantStatus />
        <KitSection status={status} accounts={accounts} onSaved={refresh} />
        <AegisSection status={status} onSaved={refresh} />
        <TransferCodes status={status} />
        <UrisSection status={status} onSaved={refresh} />
        {backup && <AutoBackupSection backup={backup} onChange={setBackup} />}
        <ImportBackup />
      </Screen>
    </BackupAccessProvider>
  );
}
