// The preload of every window: exposes exactly one object, `window.sentinel`, a SentinelClient over
// IPC. No ipcRenderer, no generic invoke: the renderer can make these calls and nothing else.
// Built as CommonJS (out/preload/index.cjs) so it runs with the sandbox on.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { SentinelClient, StreamEvent } from '../shared/api.js';
import { EVENT_CHANNEL, INVOKE_CHANNELS, type InvokeArgs, type InvokeMethod, type InvokeResult } from '../shared/ipc.js';

/** The call of `method` over its own channel; the main process validates the arguments. */
const invoke =
  <M extends InvokeMethod>(method: M) =>
  (...args: InvokeArgs<M>): Promise<InvokeResult<M>> =>
    ipcRenderer.invoke(INVOKE_CHANNELS[method], ...args) as Promise<InvokeResult<M>>;

const client: SentinelClient = {
  state: invoke('state'),
  moduleHistory: invoke('moduleHistory'),
  runDetail: invoke('runDetail'),
  anomalies: invoke('anomalies'),
  acceptBaseline: invoke('acceptBaseline'),
  runNow: invoke('runNow'),
  setEnabled: invoke('setEnabled'),
  logSources: invoke('logSources'),
  logs: invoke('logs'),
  settings: invoke('settings'),
  saveSettings: invoke('saveSettings'),
  subscribe(listener) {
    // The event object is dropped: it carries the sender, which the renderer has no business with.
    const relay = (_event: IpcRendererEvent, payload: StreamEvent): void => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('sentinel', client);
