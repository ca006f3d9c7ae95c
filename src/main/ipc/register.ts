import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { LatchkeyError } from '../../shared/errors';
import { fail } from '../../shared/result';
import { OPERATION_NAMES } from '../../shared/bridge-channels';
import { channelFor } from '../../shared/ipc-channels';
import { dispatch, type Bridge } from '../../node/ipc/dispatch';
import { refusal } from '../../node/shell/sender';
import type { OperationName } from '../../shared/bridge-channels';
import type { Surface } from '../../shared/bridge-surfaces';

/**
 * Registers every contract operation on ipcMain through one wrapper: the sender must be the
 * top frame of one of our windows on a trusted origin, and that window ("surface": the main
 * window or the quick picker) must be granted the operation; then `dispatch` validates and runs.
 * `afterOperation` lets the shell follow changes (the tray menu).
 */
export function registerHandlers(
  bridge: Bridge,
  trustedOrigins: readonly string[],
  surfaceOf: (contents: WebContents) => Surface | null,
  afterOperation: (operation: OperationName) => void = () => {},
): void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(channelFor(name), (event: IpcMainInvokeEvent, args: unknown) => {
      const frame = event.senderFrame;
      const refused = refusal(
        frame ? { url: frame.url, isTopFrame: frame.parent === null } : null,
        surfaceOf(event.sender),
        name,
        trustedOrigins,
      );
      if (refused) return fail(new LatchkeyError(refused).toInfo());
      const done = dispatch(bridge, name, args, (operation, error) => {
        // Type and operation only: an error message could quote a secret.
        console.error(
          `latchkey: ${operation} failed:`,
          error instanceof Error ? error.name : typeof error,
        );
      });
      return done.finally(() => afterOperation(name));
    });
  }
}
