// SentinelClient over `sentinel serve`: JSON over HTTP_ROUTES, live events over server-sent events.
// Every call resolves to an ApiResult; a network failure or a bad reply is an error value, never a throw.
import { HTTP_ROUTES as ROUTES, MUTATION_HEADER } from '$shared/api';
import type {
  AnomaliesView,
  ApiResult,
  DashboardState,
  LogLine,
  LogSource,
  ModuleHistoryView,
  SentinelClient,
  SettingsView,
  StreamEvent,
} from '$shared/api';
import type { LogSourceId, MetricName, RunDetail } from '$shared/contract';

/** Every engine event type, so named SSE events (`event: run-finished`) reach the listeners too. */
const EVENT_TYPES: readonly StreamEvent['type'][] = [
  'hello',
  'run-started',
  'run-finished',
  'anomaly-event',
  'module-state',
  'status',
  'iteration',
  'problem',
  'log',
  'paused',
  'config',
];

type RouteKey = keyof typeof ROUTES;
type EventSourceConstructor = new (url: string | URL, init?: EventSourceInit) => EventSource;

export interface HttpClientOptions {
  /** Origin (and path prefix) of the server; '' means the page's own origin. */
  baseUrl?: string;
  token?: string | null;
  fetch?: typeof globalThis.fetch;
  EventSource?: EventSourceConstructor;
  /** Timers for reconnecting a stream the browser gave up on (injected for tests). */
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

/** The longest wait between attempts to reopen a closed event stream. */
const MAX_RECONNECT_MS = 30_000;

/** Creates a SentinelClient that talks to `sentinel serve`. */
export function createHttpClient(options: HttpClientOptions = {}): SentinelClient {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const token = options.token ?? null;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const EventSourceImpl = options.EventSource ?? globalThis.EventSource;
  const setTimer = options.setTimeout ?? ((callback, ms) => globalThis.setTimeout(callback, ms));
  const clearTimer = options.clearTimeout ?? ((handle) => globalThis.clearTimeout(handle as number));

  function routeOf(key: RouteKey, params: Record<string, string | number> = {}): { method: string; path: string } {
    const [method = 'GET', pattern = '/'] = ROUTES[key].split(' ');
    const pathOnly = pattern.split('?')[0] ?? pattern;
    const path = pathOnly.replace(/:([a-zA-Z]+)/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));
    return { method, path };
  }

  async function call<T>(key: RouteKey, params: Record<string, string | number> = {}, body?: unknown, query?: URLSearchParams): Promise<ApiResult<T>> {
    const { method, path } = routeOf(key, params);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const mutating = method !== 'GET' && method !== 'HEAD';
    if (mutating) {
      headers[MUTATION_HEADER] = '1';
      headers['content-type'] = 'application/json';
    }
    const url = `${baseUrl}${path}${query && query.size > 0 ? `?${query.toString()}` : ''}`;
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers,
        body: mutating ? JSON.stringify(body ?? {}) : null,
        cache: 'no-store',
      });
    } catch (error) {
      return { ok: false, error: `Cannot reach Sentinel: ${messageOf(error)}` };
    }
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      return { ok: false, error: `Sentinel sent an unreadable reply (HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''})` };
    }
    if (isEnvelope(parsed)) return parsed as ApiResult<T>;
    if (!response.ok) return { ok: false, error: `Sentinel refused the request (HTTP ${response.status})` };
    return { ok: false, error: 'Sentinel sent a reply without an ok field' };
  }

  // One EventSource, shared by every subscriber, opened on the first and closed after the last.
  const listeners = new Set<(event: StreamEvent) => void>();
  let source: EventSource | null = null;
  let reconnectTimer: unknown = null;
  let reconnectDelay = 1000;

  const deliver = (message: MessageEvent): void => {
    let event: StreamEvent;
    try {
      event = JSON.parse(String(message.data)) as StreamEvent;
    } catch {
      return; // Comments and keep-alives are not events.
    }
    if (typeof event !== 'object' || event === null || typeof event.type !== 'string') return;
    reconnectDelay = 1000;
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error('A stream listener failed', error);
      }
    }
  };

  function open(): void {
    if (!EventSourceImpl) return;
    const { path } = routeOf('events');
    const url = `${baseUrl}${path}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
    const es = new EventSourceImpl(url);
    source = es;
    es.onmessage = deliver;
    for (const type of EVENT_TYPES) es.addEventListener(type, deliver as EventListener);
    es.onerror = () => {
      // The browser retries on its own unless the stream is CLOSED (an HTTP error or a wrong content type).
      if (es.readyState !== 2 || source !== es || listeners.size === 0) return;
      es.close();
      source = null;
      reconnectTimer = setTimer(() => {
        reconnectTimer = null;
        if (listeners.size > 0 && source === null) open();
      }, reconnectDelay);
      reconnectDelay = Math.min(reconnectDelay * 2, MAX_RECONNECT_MS);
    };
  }

  function close(): void {
    if (reconnectTimer !== null) clearTimer(reconnectTimer);
    reconnectTimer = null;
    source?.close();
    source = null;
  }

  return {
    state: () => call<DashboardState>('state'),
    moduleHistory: (name) => call<ModuleHistoryView>('moduleHistory', { name }),
    runDetail: (name, seq) => call<RunDetail>('runDetail', { name, seq }),
    anomalies: () => call<AnomaliesView>('anomalies'),
    acceptBaseline: (module: string, metric: MetricName) => call<null>('acceptBaseline', {}, { module, metric }),
    runNow: (module) => call<null>('runNow', { name: module }),
    setEnabled: (module, enabled) => call<null>('setEnabled', { name: module }, { enabled }),
    logSources: () => call<LogSource[]>('logSources'),
    logs: (logSource: LogSourceId, limit?: number) => {
      const query = new URLSearchParams({ source: logSource });
      if (limit !== undefined) query.set('limit', String(limit));
      return call<LogLine[]>('logs', {}, undefined, query);
    },
    settings: () => call<SettingsView>('settings'),
    saveSettings: (config) => call<SettingsView>('saveSettings', {}, config),
    subscribe(listener) {
      listeners.add(listener);
      if (source === null && reconnectTimer === null) open();
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        listeners.delete(listener);
        if (listeners.size === 0) close();
      };
    },
  };
}

function isEnvelope(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const envelope = value as { ok: unknown; error?: unknown };
  return envelope.ok === true || (envelope.ok === false && typeof envelope.error === 'string');
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
