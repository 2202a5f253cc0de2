// IPC between the renderer and the engine's service: a handler per INVOKE_CHANNELS entry, each of
// which refuses senders other than our own windows showing our renderer, and a broadcast of every
// engine event to our windows on EVENT_CHANNEL.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { EVENT_CHANNEL } from '../shared/ipc.js';
import type { StreamEvent } from '../shared/api.js';
import type { AppContext } from './app-context.js';
import { createIpcHandlers } from './ipc-handlers.js';
import type { AppWindows } from './windows.js';

// electron-store answers this synchronous message for stores opened in a renderer, to any sender.
// We open none there (our renderer has no ipcRenderer at all), so nothing may answer it.
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

/** Registers the handlers and starts relaying engine events; returns a function that undoes both. */
export function setupIpc(ctx: AppContext, windows: AppWindows): () => void {
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
  const trusted = (event: IpcMainInvokeEvent): boolean => windows.isOurFrame(event.sender, event.senderFrame);
  const handlers = createIpcHandlers(ctx.service, trusted);
  for (const [channel, handler] of handlers) ipcMain.handle(channel, handler);
  const unsubscribe = ctx.service.subscribe((event: StreamEvent) => windows.broadcast(EVENT_CHANNEL, event));
  return () => {
    unsubscribe();
    for (const channel of handlers.keys()) ipcMain.removeHandler(channel);
  };
}
