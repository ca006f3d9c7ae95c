import { InMemoryAccountRepository, type AccountRepository } from './account-repository';
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

/** The platform pieces a running Latchkey needs; Electron supplies them in the app. */
export interface Ports {
  readonly clipboard: ClipboardPort;
  readonly events: EventSink;
  readonly clock?: Clock;
  readonly timers?: TimerPort;
  readonly appVersion: string;
}

export interface Services {
  readonly clock: Clock;
  readonly events: EventSink;
  readonly accounts: AccountRepository;
  readonly codes: CodesService;
  readonly clipboard: ClipboardService;
  readonly appVersion: string;
}

/** Builds the main-side object graph once; the app and the test bridge both call this. */
export function createServices(ports: Ports): Services {
  const clock = ports.clock ?? systemClock;
  const timers = ports.timers ?? systemTimers;
  const accounts = new InMemoryAccountRepository();
  const codes = new CodesService(accounts, clock);
  const clipboard = new ClipboardService(ports.clipboard, codes, accounts, clock, timers);
  return { clock, events: ports.events, accounts, codes, clipboard, appVersion: ports.appVersion };
}
