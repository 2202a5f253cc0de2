// Picks the renderer's one client: the desktop preload's IPC client when it is there, else HTTP.
import type { SentinelClient } from '$shared/api';
import { createHttpClient } from './http-client';
import { browserTokenSources, takeToken } from './token';

declare global {
  interface Window {
    /** Exposed by the Electron preload; implements the same contract over IPC. */
    sentinel?: SentinelClient;
  }
}

/** The client for this window. Call once, at start-up, before the router reads the hash. */
export function pickClient(win: Window = window): SentinelClient {
  if (win.sentinel) return win.sentinel;
  return createHttpClient({ token: takeToken(browserTokenSources(win)) });
}

export { createHttpClient } from './http-client';
export type { HttpClientOptions } from './http-client';
