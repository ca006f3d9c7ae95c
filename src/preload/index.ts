import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildLatchkeyApi } from '../shared/bridge-client';
import { channelFor, eventChannelFor } from '../shared/ipc-channels';

// The page's only door to main: one function per contract operation, listeners that never
// see an IpcRendererEvent. Nothing else from Electron is exposed.
contextBridge.exposeInMainWorld(
  'latchkey',
  buildLatchkeyApi({
    invoke: (operation, args) => ipcRenderer.invoke(channelFor(operation), args),
    subscribe: (event, listener) => {
      const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(eventChannelFor(event), wrapped);
      return () => ipcRenderer.removeListener(eventChannelFor(event), wrapped);
    },
  }),
);
