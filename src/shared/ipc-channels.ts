import type { EventName, OperationName } from './bridge-channels';

/** IPC channel names: prefixed so nothing else on ipcMain can collide with the bridge. */
export const channelFor = (operation: OperationName): string => `latchkey:${operation}`;
export const eventChannelFor = (event: EventName): string => `latchkey-event:${event}`;
