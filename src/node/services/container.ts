import { AutoLock, type LockReason } from './auto-lock';
import { ClipboardService } from './clipboard-service';
import { CodesService } from './codes-service';
import {
  systemClock,
  systemTimers,
  type ClipboardPort,
  type Clock,
  type EventSink,
  type TimerPort,
} from './ports';
import { LatchkeyError } from '../../shared/errors';
import type { CameraPort, ImageFilePort, ScreenCapturePort } from './capture-port';
import { BackupService } from './backup-service';
import { noDialogs, type DialogPort } from './dialog-port';
import { ImageFiles } from './image-files';
import { ImportService } from './import-service';
import { LinkService } from './link-service';
import { PreferencesStore } from './preferences';
import { OrganiseService } from './organise-service';
import { ReauthService } from './reauth-service';
import { RecoveryService } from './recovery-service';
import { RemovalUndo } from './removal-undo';
import type { WindowPort } from './ports';
import { ScanService } from './scan-service';
import { noShell, type ShellPort } from './shell-port';
import { ShellService } from './shell-service';
import { StagingArea } from './staging-area';
import { VaultService, type KeychainAdapter, type VaultServiceOptions } from './vault';
import { VaultAccountRepository } from './vault-account-repository';

/** The platform pieces a running Latchkey needs; Electron supplies them in the app. */
export interface Ports {
  readonly clipboard: ClipboardPort;
  readonly events: EventSink;
  /** The folder holding the vault (see data-dir.ts). */
  readonly dataDir: string;
  /** The OS keychain, or null where there is none. */
  readonly keychain: KeychainAdapter | null;
  readonly appVersion: string;
  readonly clock?: Clock;
  readonly timers?: TimerPort;
  readonly systemIdleSeconds?: () => number | null;
  /** How often auto-lock checks for idleness (default 15 s). */
  readonly autoLockCheckMs?: number;
  readonly capture?: ScreenCapturePort;
  readonly imageFile?: ImageFilePort;
  readonly camera?: CameraPort;
  readonly dialogs?: DialogPort;
  /** The window, for settings the OS applies to it. */
  readonly window?: WindowPort;
  /** The desktop around the window: global shortcut, login item, picker (none in tests and the CLI). */
  readonly shell?: ShellPort;
  /** Test-only vault knobs (e.g. a counted KDF); the app passes none. */
  readonly vaultOptions?: Partial<Omit<VaultServiceOptions, 'dir' | 'keychain'>>;
}

export interface Services {
  readonly clock: Clock;
  readonly events: EventSink;
  readonly vault: VaultService;
  readonly accounts: VaultAccountRepository;
  readonly codes: CodesService;
  readonly clipboard: ClipboardService;
  readonly undo: RemovalUndo;
  readonly autoLock: AutoLock;
  readonly staging: StagingArea;
  readonly scan: ScanService;
  readonly capture: ScreenCapturePort;
  readonly imageFiles: ImageFiles;
  readonly camera: CameraPort;
  readonly backup: BackupService;
  readonly imports: ImportService;
  readonly recovery: RecoveryService;
  /** Preferences around the vault, applied to the desktop shell. Call `shell.start()` once. */
  readonly shell: ShellService;
  /** otpauth:// links from the desktop, staged for confirmation like a scan. */
  readonly links: LinkService;
  /** The one check of re-authentication; `dispatch` calls it (see the contract's policies). */
  readonly reauth: ReauthService;
  readonly organise: OrganiseService;
  readonly appVersion: string;
  /** Locks the vault, forgets everything decrypted in main and tells the page to do the same. */
  readonly lockNow: (reason: LockReason) => Promise<void>;
  /** Call after every successful unlock or create. */
  readonly unlocked: () => void;
}

/** Builds the main-side object graph once; the app and the test bridge both call this. */
export function createServices(ports: Ports): Services {
  const clock = ports.clock ?? systemClock;
  const timers = ports.timers ?? systemTimers;
  const dialogs = ports.dialogs ?? noDialogs;
  // The backup service exists before the vault so every save can feed automatic backups.
  let backupRef: BackupService | null = null;
  const vault = new VaultService({
    dir: ports.dataDir,
    keychain: ports.keychain,
    now: () => clock.now(),
    onSaved: (bytes, settings) => backupRef?.afterSave(bytes, settings),
    ...ports.vaultOptions,
  });
  const backup = new BackupService(vault, dialogs, clock);
  backupRef = backup;
  const accounts = new VaultAccountRepository(vault);
  const codes = new CodesService(accounts, clock);
  const clipboard = new ClipboardService(ports.clipboard, codes, accounts, clock, timers);
  const undo = new RemovalUndo(clock, accounts);
  const staging = new StagingArea(accounts, clock);
  const scan = new ScanService(staging);
  const imports = new ImportService(
    dialogs,
    staging,
    (bytes, password) => vault.openFileWithPassword(bytes, password),
    ports.events,
  );
  const recovery = new RecoveryService(accounts);
  const reauth = new ReauthService(vault, clock);
  const organise = new OrganiseService(accounts, vault);
  const camera = ports.camera ?? { setWanted: () => {} };
  const shellPort = ports.shell ?? noShell;
  const shell = new ShellService(new PreferencesStore(ports.dataDir), shellPort, (seconds) =>
    clipboard.setClearAfter(seconds === null ? null : seconds * 1000),
  );
  const links = new LinkService(scan, () => vault.isUnlocked(), ports.events, shellPort);
  const lockNow = async (reason: LockReason) => {
    autoLock.disarm();
    undo.forget();
    scan.reset();
    backup.forget();
    codes.forget();
    reauth.drop();
    camera.setWanted(false);
    // Opened import files and staged accounts (scan.reset) go; so does our code on the clipboard.
    imports.forget();
    await clipboard.wipeNow();
    await vault.lock();
    ports.events.emit('locked', { reason });
  };
  const autoLock = new AutoLock(
    clock,
    timers,
    (reason) => void lockNow(reason),
    ports.systemIdleSeconds,
    ports.autoLockCheckMs,
  );
  /** Applies the vault's settings to the running app; after every unlock and settings change. */
  const unlocked = () => {
    const settings = vault.settings();
    autoLock.arm(settings.autoLockMinutes);
    ports.window?.setContentProtection(settings.contentProtection);
    links.flush();
  };
  return {
    clock,
    events: ports.events,
    vault,
    accounts,
    codes,
    clipboard,
    undo,
    autoLock,
    staging,
    scan,
    capture: ports.capture ?? unavailableCapture,
    imageFiles: new ImageFiles(ports.imageFile ?? { chooseImage: async () => null }),
    camera,
    backup,
    imports,
    recovery,
    shell,
    links,
    reauth,
    organise,
    appVersion: ports.appVersion,
    lockNow,
    unlocked,
  };
}

const unavailableCapture: ScreenCapturePort = {
  captureAll: async () => {
    throw new LatchkeyError('capture.unavailable');
  },
};
