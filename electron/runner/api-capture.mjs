// Times every HTTP call of a JS module without any code in the module: node:diagnostics_channel
// sees each fetch() (undici) and each http/https request made in this process.
import { AsyncLocalStorage } from 'node:async_hooks';
import diagnosticsChannel from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';

/** @typedef {import('./api-recorder.mjs').ApiRecorder} ApiRecorder */
/**
 * @typedef {object} Pending
 * @property {number} start performance.now() at request start
 * @property {string} method
 * @property {string | null} host
 * @property {number | null} status
 */

// Calls made inside ctx.trackApi() are already timed as one named call: don't count them twice.
const insideTrackedCall = new AsyncLocalStorage();

/**
 * Starts capturing HTTP calls into `recorder`; returns `stop`, which also records the calls still
 * in flight (timed to their headers if they had them, else as unfinished errors).
 * @param {ApiRecorder} recorder
 */
export function captureHttp(recorder) {
  /** @type {Map<object, Pending>} */
  const pending = new Map();

  /** @param {object} request @param {string} method @param {string | null} host */
  const begin = (request, method, host) => {
    if (insideTrackedCall.getStore() === true) return;
    pending.set(request, { start: performance.now(), method, host, status: null });
  };
  /** @param {object} request @param {string | null} error */
  const end = (request, error) => {
    const call = pending.get(request);
    if (!call) return;
    pending.delete(request);
    const status = call.status;
    const failure = error ?? (status !== null && status >= 400 ? `HTTP ${status}` : null);
    recorder.add({
      name: `${call.method} ${call.host ?? '?'}`,
      method: call.method,
      host: call.host,
      status,
      ok: failure === null,
      error: failure,
      seconds: (performance.now() - call.start) / 1000,
    });
  };
  /** @param {object} request @param {number} status */
  const setStatus = (request, status) => {
    const call = pending.get(request);
    if (call) call.status = status;
  };

  /** @type {Record<string, (message: any) => void>} */
  const handlers = {
    // fetch(): Node's bundled undici, loaded lazily on the first fetch; channels are global by name.
    'undici:request:create': ({ request }) => begin(request, request.method, hostOf(request.origin)),
    'undici:request:headers': ({ request, response }) => setStatus(request, response.statusCode),
    'undici:request:trailers': ({ request }) => end(request, null),
    'undici:request:error': ({ request, error }) => end(request, errorText(error)),
    // http/https: `request.host` has no port, the Host header does.
    'http.client.request.start': ({ request }) =>
      begin(request, request.method, String(request.getHeader('host') ?? request.host ?? '') || null),
    // In Node 20 this fires at the response headers; the body is done at 'end'.
    'http.client.response.finish': ({ request, response }) => {
      setStatus(request, response.statusCode);
      response.once('end', () => end(request, null));
      response.once('close', () => end(request, response.complete ? null : 'response closed early'));
    },
    'http.client.request.error': ({ request, error }) => end(request, errorText(error)),
  };
  for (const [name, handler] of Object.entries(handlers)) diagnosticsChannel.subscribe(name, handler);

  return function stop() {
    for (const [name, handler] of Object.entries(handlers)) diagnosticsChannel.unsubscribe(name, handler);
    for (const [request, call] of pending) {
      // A body nobody read never ends: time such a call to its headers rather than drop it.
      end(request, call.status === null ? 'no response before the run ended' : null);
    }
  };
}

/**
 * Times one arbitrary async call as a named API request; errors are recorded and rethrown.
 * @template T
 * @param {ApiRecorder} recorder
 * @param {string} name
 * @param {() => T | Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function trackApi(recorder, name, fn) {
  if (typeof fn !== 'function') throw new TypeError(`trackApi(${JSON.stringify(name)}, fn): fn is not a function`);
  const start = performance.now();
  const record = (/** @type {string | null} */ error) =>
    recorder.add({
      name: String(name),
      method: null,
      host: null,
      status: null,
      ok: error === null,
      error,
      seconds: (performance.now() - start) / 1000,
    });
  try {
    const value = await insideTrackedCall.run(true, fn);
    record(null);
    return value;
  } catch (error) {
    record(errorText(error));
    throw error;
  }
}

/** @param {unknown} origin */
function hostOf(origin) {
  try {
    return new URL(String(origin)).host || null;
  } catch {
    return null;
  }
}

/** @param {unknown} error */
function errorText(error) {
  return error instanceof Error ? error.message || error.name : String(error);
}
