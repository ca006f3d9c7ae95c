import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { LatchkeyError } from '../../shared/errors';
import { fail } from '../../shared/result';
import { OPERATION_NAMES } from '../../shared/bridge-channels';
import { channelFor } from '../../shared/ipc-channels';
import { dispatch, type Bridge } from '../../node/ipc/dispatch';
import { isTrustedSender } from '../../node/shell/sender';

/**
 * Registers every contract operation on ipcMain through one wrapper: the sender must be the
 * top frame of our own window on a trusted origin, then `dispatch` validates and runs.
 */
export function registerHandlers(
  bridge: Bridge,
  trustedOrigins: readonly string[],
  isOurWindow: (contents: WebContents) => boolean,
): void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(channelFor(name), (event: IpcMainInvokeEvent, args: unknown) => {
      const frame = event.senderFrame;
      const trusted =
        isOurWindow(event.sender) &&
        isTrustedSender(
          frame ? { url: frame.url, isTopFrame: frame.parent === null } : null,
          trustedOrigins,
        );
      if (!trusted) return fail(new LatchkeyError('bridge.untrusted-sender').toInfo());
      return dispatch(bridge, name, args, (operation, error) => {
        // Type and operation only: an error message could quote a secret.
        console.error(
          `latchkey: ${operation} failed:`,
          error instanceof Error ? error.name : typeof error,
        );
      });
    });
  }
}
