// The IPC contract of the desktop app: one channel per SentinelClient call, plus the event channel.
// Derived from SentinelClient, so the preload, the main process and the HTTP client cannot drift apart.
import type { SentinelClient } from './api.js';

/** The calls that cross IPC as request/response (everything but the event subscription). */
export type InvokeMethod = Exclude<keyof SentinelClient, 'subscribe'>;

/** `sentinel:<method>` for each call. */
export const INVOKE_CHANNELS = {
  state: 'sentinel:state',
  moduleHistory: 'sentinel:moduleHistory',
  runDetail: 'sentinel:runDetail',
  anomalies: 'sentinel:anomalies',
  acceptBaseline: 'sentinel:acceptBaseline',
  runNow: 'sentinel:runNow',
  setEnabled: 'sentinel:setEnabled',
  logSources: 'sentinel:logSources',
  logs: 'sentinel:logs',
  settings: 'sentinel:settings',
  saveSettings: 'sentinel:saveSettings',
} as const satisfies Record<InvokeMethod, `sentinel:${InvokeMethod}`>;

/** Main → renderer: every engine event (StreamEvent). */
export const EVENT_CHANNEL = 'sentinel:event';

/** Arguments and result of each call, as SentinelClient declares them. */
export type InvokeArgs<M extends InvokeMethod> = Parameters<SentinelClient[M]>;
export type InvokeResult<M extends InvokeMethod> = Awaited<ReturnType<SentinelClient[M]>>;
