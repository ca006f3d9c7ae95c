import type { VaultStatusView } from '../../../../shared/bridge';
import { Screen } from '../../ui/Screen';
import { AboutSection } from './AboutSection';
import { ClipboardSection } from './ClipboardSection';
import { DesktopSection } from './DesktopSection';
import { DeviceSection } from './DeviceSection';
import { EraseSection } from './EraseSection';
import { LockingSection } from './LockingSection';
import { OldBackupsNotice } from './OldBackupsNotice';
import { PasswordSection } from './PasswordSection';
import { ShortcutSection } from './ShortcutSection';

/** Settings: one section component per concern, in the order a user looks for them. */
export function Settings({ status, onClose }: { status: VaultStatusView; onClose: () => void }) {
  return (
    <Screen title="Settings" onClose={onClose}>
      <LockingSection status={status} />
      <ShortcutSection />
      <ClipboardSection />
      <DesktopSection />
      <PasswordSection status={status} />
      <OldBackupsNotice status={status} />
      <DeviceSection status={status} />
      <EraseSection />
      <AboutSection />
    </Screen>
  );
}
