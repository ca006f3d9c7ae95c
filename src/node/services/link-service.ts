import type { LinkRoute } from '../shell/link-routing';
import type { EventSink } from './ports';
import type { ScanService } from './scan-service';
import type { ShellPort } from './shell-port';

/**
 * Links from the desktop (a browser's otpauth:// link, a Google Authenticator export link) take
 * the same road as a scanned QR code: staged in main, shown on the confirmation screen, added
 * only when the user says so. While the vault is locked they wait here (in memory only) and are
 * staged right after the next unlock.
 */
export class LinkService {
  #pending: string[] = [];

  constructor(
    private readonly scan: ScanService,
    private readonly isUnlocked: () => boolean,
    private readonly events: EventSink,
    private readonly shell: ShellPort,
  ) {}

  open(route: LinkRoute): void {
    if (route.window === 'show') this.shell.showWindow();
    if (route.links.length === 0) return;
    this.#pending.push(...route.links);
    this.flush();
  }

  /** Stages waiting links and tells the page; call after every unlock. */
  flush(): void {
    if (this.#pending.length === 0 || !this.isUnlocked()) return;
    const links = this.#pending;
    this.#pending = [];
    const view = this.scan.readTexts(links, (i) => (links.length === 1 ? 'Link' : `Link ${i + 1}`));
    this.events.emit('link-staged', { view });
  }
}
