import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildLatchkeyApi } from '../shared/bridge-client';
import { SURFACES, surfaceForPath } from '../shared/bridge-surfaces';
import { channelFor, eventChannelFor } from '../shared/ipc-channels';

// The page's only door to main: one function per operation this window is granted (the quick
// picker gets a handful; main refuses the rest by the sending window anyway), listeners that
// never see an IpcRendererEvent. Nothing else from Electron is exposed.
contextBridge.exposeInMainWorld(
  'latchkey',
  buildLatchkeyApi(
    {
      invoke: (operation, args) => ipcRenderer.invoke(channelFor(operation), args),
      subscribe: (event, listener) => {
        const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
        ipcRenderer.on(eventChannelFor(event), wrapped);
        return () => ipcRenderer.removeListener(eventChannelFor(event), wrapped);
      },
    },
    // The preload runs in the page's window; Node's types do not describe it.
    SURFACES[
      surfaceForPath(
        (globalThis as unknown as { location: { pathname: string } }).location.pathname,
      )
    ],
  ),
);
